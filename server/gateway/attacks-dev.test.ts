import { describeGateway } from './gateway-suite';
import { startDevFront } from './test-fronts';

// The real Vite dev server with the gateway plugin, in this process.
describeGateway('dev', startDevFront);
