import { describeGateway } from '../testing/gateway-suite';
import { describeGenerationAttacks } from '../testing/generation-attack-suite';
import { startDevFront } from '../testing/test-fronts';

// The real Vite dev server with the gateway plugin, in this process.
describeGateway('dev', startDevFront);
describeGenerationAttacks('dev', startDevFront);
