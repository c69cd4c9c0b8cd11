import { E2E_PORT } from '../playwright.config';
import { refusalsAgainst } from './gateway-refusals';

// The refusals of the attack table against the running dev server (`vite`, sandbox behind it).
refusalsAgainst('dev', E2E_PORT);
