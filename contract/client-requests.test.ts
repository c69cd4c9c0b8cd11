// @vitest-environment node
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_KEYS_PATH } from '../src/features/api-keys/api/api-key-schemas';
import { createApiKey } from '../src/features/api-keys/api/v2/create-api-key';
import type { CreateApiKeyFormValues } from '../src/features/api-keys/model/create-api-key-form-schema';
import { EXPIRY_PRESETS } from '../src/features/api-keys/model/expiry';
import { toNewKey } from '../src/features/api-keys/model/to-create-api-key-input';
import {
  keysAdapterV2,
  toCreateApiKeyV2Input,
} from '../src/features/api-keys/api/v2/api-key-v2-adapter';
import { createSandbox } from '../sandbox/create-sandbox';
import { SEED_DEPLOYMENT_IDS } from '../sandbox/seed/deployments';
import { requestSchemaName, responseSchemaName, validateAgainstSpec } from './spec-validator';

const REQUEST_SCHEMA = requestSchemaName(API_KEYS_PATH, 'post') ?? '';
const RESPONSE_SCHEMA = responseSchemaName(API_KEYS_PATH, 'post', 200) ?? '';

/** Sends what the real client sends, captures the body on the wire, and answers from the sandbox. */
function captureClientRequests() {
  const sandbox = createSandbox();
  const bodies: unknown[] = [];
  vi.stubGlobal('location', { origin: 'http://dashboard.test' });
  vi.stubGlobal('fetch', async (input: string, init: RequestInit) => {
    bodies.push(JSON.parse(String(init.body)));
    const headers = new Headers(init.headers);
    headers.set('authorization', `APIKey ${sandbox.token}`);
    return sandbox.fetch(new Request(input, { ...init, headers }));
  });
  return bodies;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const formValues = fc.record({
  name: fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?(\.[a-z0-9]{1,5}){0,2}$/),
  description: fc.string({ maxLength: 50 }),
  projectId: fc.constantFrom('1', '2'),
  instanceIds: fc.subarray([SEED_DEPLOYMENT_IDS.llamaChat, SEED_DEPLOYMENT_IDS.mistralInstruct]),
  expiryPreset: fc.constantFrom(
    ...EXPIRY_PRESETS.map((p) => p.value).filter((v) => v !== 'custom'),
  ),
  expiryCustom: fc.constant(''),
}) satisfies fc.Arbitrary<CreateApiKeyFormValues>;

describe('bodies the client builds match the spec', () => {
  it('for any form the mapper accepts', async () => {
    const bodies = captureClientRequests();
    await fc.assert(
      fc.asyncProperty(formValues, async (values) => {
        // Project 2 has other deployments: bind only what belongs to the chosen project.
        const key = toNewKey(
          { ...values, instanceIds: values.projectId === '1' ? values.instanceIds : [] },
          new Date(),
        );
        const sent = bodies.length;
        // The app's own path (form values → new key → the v2 adapter). The sandbox may refuse the
        // key (what is checked here is the body on the wire), but a failure before sending must
        // not pass by re-checking the previous body.
        await keysAdapterV2
          .createKey(Number(values.projectId), { ...key, name: `${key.name}-${sent}` })
          .catch(() => undefined);
        expect(bodies).toHaveLength(sent + 1);
        expect(validateAgainstSpec(REQUEST_SCHEMA, bodies.at(-1))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('for a custom expiry, and the created key the sandbox returns matches the spec too', async () => {
    const bodies = captureClientRequests();
    const values: CreateApiKeyFormValues = {
      name: 'custom-expiry',
      description: 'CI',
      projectId: '1',
      instanceIds: [SEED_DEPLOYMENT_IDS.llamaChat],
      expiryPreset: 'custom',
      expiryCustom: '2031-05-06T07:08',
    };
    const created = await createApiKey(
      toCreateApiKeyV2Input(Number(values.projectId), toNewKey(values, new Date())),
    );
    expect(validateAgainstSpec(REQUEST_SCHEMA, bodies[0])).toEqual([]);
    expect(validateAgainstSpec(RESPONSE_SCHEMA, created)).toEqual([]);
    expect(bodies[0]).toMatchObject({ expires_at: expect.stringMatching(/Z$/) });
  });
});
