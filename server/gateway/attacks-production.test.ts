import { describeGateway } from '../testing/gateway-suite';
import { describeGenerationAttacks } from '../testing/generation-attack-suite';
import { startProductionFront } from '../testing/test-fronts';

// The production request handler, wired as main.ts wires it.
describeGateway('production', startProductionFront);
describeGenerationAttacks('production', startProductionFront);
