// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import {
  apiKeyListSchema,
  apiKeySchema,
  createdApiKeySchema,
} from '../../../src/features/api-keys/api/api-key-schemas';
import { deploymentListSchema } from '../../../src/features/deployments/api/v2/deployment-schemas';
import { gcoreErrorBodySchema } from '../../../src/lib/api-error-schema';
import { createSandbox, type Sandbox } from '../../create-sandbox';
import { DEPLOYMENTS, KEYS, sandboxCaller } from '../../testing/sandbox-test-client';
import { SEED_DEPLOYMENT_IDS as D } from '../../seed/deployments';
import { SEED_PROJECT_IDS as P } from '../../seed/projects';

const NOW = new Date('2025-06-01T12:00:00Z');
const UNKNOWN_ID = '0f0e0d0c-0b0a-4908-8706-050403020100';

let sandbox: Sandbox;
let call: ReturnType<typeof sandboxCaller>;
beforeEach(() => {
  sandbox = createSandbox({ now: () => NOW });
  call = sandboxCaller(sandbox);
});

const create = (body: unknown) => call('POST', KEYS, { body });
const keyCount = async (projectId: number = P.default) =>
  apiKeyListSchema.parse((await call('GET', `${KEYS}?project_id=${projectId}`)).json).count;

describe('POST /cloud/v2/inference/api_keys', () => {
  it('answers 200 with the key and a URL-safe secret of at least 32 bytes', async () => {
    const res = await create({ name: 'my-key', description: 'For the web shop' });
    expect(res.status).toBe(200);
    const key = createdApiKeySchema.parse(res.json);
    expect(key).toMatchObject({
      name: 'my-key',
      description: 'For the web shop',
      status: 'ACTIVE',
      project_id: P.default,
      expires_at: null,
      inference_instance_ids: [],
      created_at: '2025-06-01T12:00:00Z',
    });
    expect(key.key_id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(key.secret).toMatch(/^[A-Za-z0-9_-]{43,}$/);
  });

  it('gives every key a different secret and never shows it again', async () => {
    const a = createdApiKeySchema.parse((await create({ name: 'key-a' })).json);
    const b = createdApiKeySchema.parse((await create({ name: 'key-b' })).json);
    expect(a.secret).not.toBe(b.secret);
    const fetched = await call('GET', `${KEYS}/${a.key_id}`);
    expect(fetched.json).not.toHaveProperty('secret');
    expect(fetched.text).not.toContain(a.secret);
    expect((await call('GET', KEYS)).text).not.toContain(a.secret);
  });

  it('puts the key in the default project when project_id is null or missing', async () => {
    const res = await create({ name: 'no-project', project_id: null });
    expect(apiKeySchema.parse(res.json).project_id).toBe(P.default);
  });

  it('creates in the project it is given', async () => {
    const res = await create({ name: 'in-staging', project_id: P.staging });
    expect(apiKeySchema.parse(res.json).project_id).toBe(P.staging);
    expect(await keyCount(P.staging)).toBe(2);
  });

  it.each([99, P.deleted])('answers 404 naming an unknown (or deleted) project %i', async (id) => {
    const res = await create({ name: 'lost', project_id: id });
    expect(res.status).toBe(404);
    const body = gcoreErrorBodySchema.parse(res.json);
    expect(body.exception_class).toBe('NotFoundError');
    expect(body.message).toContain(String(id));
  });

  it('answers 409 ConflictError for a name taken in the same project, not in another', async () => {
    expect((await create({ name: 'shared-name' })).status).toBe(200);
    const again = await create({ name: 'shared-name' });
    expect(again.status).toBe(409);
    const body = gcoreErrorBodySchema.parse(again.json);
    expect(body.exception_class).toBe('ConflictError');
    expect(body.message).toMatch(/API key already exists/);
    expect(await keyCount()).toBe(4);
    expect((await create({ name: 'shared-name', project_id: P.staging })).status).toBe(200);
  });

  it('treats a seed key name as taken', async () => {
    expect((await create({ name: 'ci-pipeline' })).status).toBe(409);
  });

  it('frees every name created since a reset, and keeps the seed names taken', async () => {
    expect((await create({ name: 'before-reset' })).status).toBe(200);
    sandbox.reset({ seedKeys: 2 });
    expect((await create({ name: 'before-reset' })).status).toBe(200);
    expect((await create({ name: 'generated-key-0002' })).status).toBe(409);
    expect((await create({ name: 'ci-pipeline' })).status).toBe(409);
  });

  it('answers 404 naming each deployment that is not in the project, and creates nothing', async () => {
    const res = await create({
      name: 'bound',
      inference_instance_ids: [D.llamaChat, UNKNOWN_ID, D.stagingLlamaChat],
    });
    expect(res.status).toBe(404);
    const body = gcoreErrorBodySchema.parse(res.json);
    expect(body.exception_class).toBe('NotFoundError');
    expect(body.message).toContain(UNKNOWN_ID);
    expect(body.message).toContain(D.stagingLlamaChat);
    expect(body.message).not.toContain(D.llamaChat);
    expect(await keyCount()).toBe(3);
  });

  it('binds deployments, collapsing duplicates, and shows the key on each deployment', async () => {
    const res = await create({
      name: 'bound',
      inference_instance_ids: [D.whisperLarge, D.bgeEmbeddings, D.whisperLarge.toUpperCase()],
    });
    const key = apiKeySchema.parse(res.json);
    expect(key.inference_instance_ids).toEqual([D.whisperLarge, D.bgeEmbeddings]);
    const list = deploymentListSchema.parse((await call('GET', `${DEPLOYMENTS}?limit=1000`)).json);
    const boundTo = list.results.filter((d) => d.api_key_ids.includes(key.key_id)).map((d) => d.id);
    expect(boundTo.sort()).toEqual([D.whisperLarge, D.bgeEmbeddings].sort());
  });
});
