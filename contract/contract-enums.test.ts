// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEPLOYMENT_STATUSES } from '../src/features/deployments/api/v2/deployment-schemas';
import { PROJECT_ORDER_FIELDS } from '../sandbox/routes/projects';
import { SEED_DEPLOYMENTS } from '../sandbox/seed/deployments';
import { specSchema } from './spec-validator';

function enumOf(name: string): unknown[] {
  const schema = specSchema(name);
  if (
    typeof schema !== 'object' ||
    schema === null ||
    !('enum' in schema) ||
    !Array.isArray(schema.enum)
  ) {
    throw new Error(`${name} has no enum`);
  }
  return schema.enum;
}

describe('enumerations agree with the spec', () => {
  it('the sandbox orders projects by exactly ProjectOrderByChoices', () => {
    const choices = PROJECT_ORDER_FIELDS.flatMap((f) => [`${f}.asc`, `${f}.desc`]);
    expect([...choices].sort()).toEqual([...enumOf('ProjectOrderByChoices')].sort());
  });

  it("the app's deployment statuses are InferenceInstanceStatus", () => {
    expect([...DEPLOYMENT_STATUSES].sort()).toEqual([...enumOf('InferenceInstanceStatus')].sort());
  });

  it('the seed covers the statuses the picker has to handle', () => {
    const statuses = new Set(SEED_DEPLOYMENTS.map((d) => d.instance.status));
    for (const status of ['ACTIVE', 'DEPLOYING', 'DISABLED', 'FAILED', 'PARTIALLYDEPLOYED']) {
      expect(statuses).toContain(status);
    }
  });
});
