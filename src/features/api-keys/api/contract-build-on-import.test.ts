import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Zod from 'zod/mini';

/**
 * Evaluating a generation's adapter chunk is on the way to the page's first keys call, and
 * building zod schemas is most of that evaluation. What the first screen parses (keys, deployments
 * and the projects around them) is built then; request bodies, created keys and error bodies wait
 * for their first parse.
 */
const built: string[][] = [];
vi.mock('zod/mini', async (importOriginal) => {
  const zod = await importOriginal<typeof Zod>();
  const record =
    <A extends unknown[], R>(build: (...args: A) => R, shapeAt: number) =>
    (...args: A): R => {
      built.push(Object.keys(args[shapeAt] as object).sort());
      return build(...args);
    };
  return {
    ...zod,
    object: record(zod.object, 0),
    strictObject: record(zod.strictObject, 0),
    extend: record(zod.extend, 1),
  };
});

afterEach(() => {
  built.length = 0;
  vi.resetModules();
});

const READ = [
  // a list's envelope
  ['count', 'results'],
];
const only = (...shapes: string[][]) => [...READ, ...shapes].map((keys) => keys.join(','));
const builtNow = () => [...new Set(built.map((keys) => keys.join(',')))];

describe('importing a generation adapter builds only what the first screen parses', () => {
  it('v2: the key and the deployment, not the request bodies nor the created key', async () => {
    await import('./v2/api-key-v2-adapter');
    expect(builtNow().sort()).toEqual(
      only(
        [
          'created_at',
          'description',
          'expires_at',
          'inference_instance_ids',
          'key_id',
          'name',
          'project_id',
          'status',
        ],
        [
          'address',
          'api_key_ids',
          'auth_enabled',
          'created_at',
          'description',
          'id',
          'name',
          'status',
        ],
      ).sort(),
    );
  });

  it('v3: the key and the deployment, not the request bodies nor the created key', async () => {
    await import('./v3/api-key-v3-adapter');
    expect(builtNow().sort()).toEqual(
      only(
        ['created_at', 'deployment_names', 'description', 'expires_at', 'name'],
        ['address', 'api_keys', 'created_at', 'description', 'name', 'status'],
      ).sort(),
    );
  });

  it('the error bodies wait for the first error', async () => {
    await import('../../../lib/read-api-error');
    expect(builtNow()).toEqual([]);
  });

  it('a request body is built when first sent, and checked as before', async () => {
    const { createApiKeyInputSchema } = await import('./api-key-schemas');
    expect(createApiKeyInputSchema.safeParse({ name: 'Bad Name' }).error?.issues[0]).toMatchObject({
      path: ['name'],
      message: 'Use lower-case letters only: “B” is upper-case.',
    });
  });
});
