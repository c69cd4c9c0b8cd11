import { describeGateway } from './gateway-suite';
import { describeGenerationAttacks } from './generation-attack-suite';
import { startDevFront } from './test-fronts';

// The real Vite dev server with the gateway plugin, in this process.
describeGateway('dev', startDevFront);
describeGenerationAttacks('dev', startDevFront);
