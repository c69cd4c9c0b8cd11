import { describeGateway } from './gateway-suite';
import { describeGenerationAttacks } from './generation-attack-suite';
import { startProductionFront } from './test-fronts';

// The production request handler, wired as main.ts wires it.
describeGateway('production', startProductionFront);
describeGenerationAttacks('production', startProductionFront);
