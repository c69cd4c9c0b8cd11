import { E2E_PROD_PORT, E2E_PROD_TOKEN } from '../../playwright.config';
import { refusalsAgainst } from '../gateway-refusals';

// The same refusals against the built production server (`node dist-server/main.js --sandbox`).
refusalsAgainst('production', E2E_PROD_PORT, `APIKey ${E2E_PROD_TOKEN}`);
