// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { apiKeyListSchema } from '../../src/features/api-keys/api/api-key-schemas';
import { deploymentListSchema } from '../../src/features/deployments/api/v2/deployment-schemas';
import { projectListSchema } from '../../src/features/projects/api/project-schemas';
import { gcoreErrorBodySchema } from '../../src/lib/api-error-schema';
import { createSandbox } from '../create-sandbox';
import { DEPLOYMENTS, KEYS, PROJECTS, sandboxCaller } from '../testing/sandbox-test-client';
import { SEED_KEY_IDS as K } from '../seed/api-keys';
import { SEED_DEPLOYMENT_IDS as D } from '../seed/deployments';

const call = sandboxCaller(
  createSandbox({ seedKeys: 250, now: () => new Date('2025-06-01T00:00:00Z') }),
);
const keys = async (query: string) =>
  apiKeyListSchema.parse((await call('GET', `${KEYS}?${query}`)).json);
const deployments = async (query: string) =>
  deploymentListSchema.parse((await call('GET', `${DEPLOYMENTS}?${query}`)).json);
const projects = async (query: string) =>
  projectListSchema.parse((await call('GET', `${PROJECTS}?${query}`)).json);

async function badQuery(path: string, query: string): Promise<string[]> {
  const res = await call('GET', `${path}?${query}`);
  expect(res.status).toBe(400);
  const body = gcoreErrorBodySchema.parse(res.json);
  expect(body.exception_class).toBe('ValidationError');
  return Object.keys(body.invalid_fields ?? {}).sort();
}

describe('GET /cloud/v2/inference/api_keys', () => {
  it('lists the default project, newest first, with the total before paging', async () => {
    const page = await keys('limit=3');
    expect(page.count).toBe(253);
    expect(page.results.map((k) => k.key_id)).toEqual([K.oldDemo, K.mobileAppProd, K.ciPipeline]);
  });

  it('pages through every key exactly once', async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < 253; offset += 100) {
      const page = await keys(`limit=100&offset=${offset}`);
      expect(page.count).toBe(253);
      seen.push(...page.results.map((k) => k.key_id));
    }
    expect(seen).toHaveLength(253);
    expect(new Set(seen).size).toBe(253);
    expect((await keys('offset=300')).results).toEqual([]);
  });

  it('defaults limit to 100 and accepts the maximum of 1000', async () => {
    expect((await keys('')).results).toHaveLength(100);
    expect((await keys('limit=1000')).results).toHaveLength(253);
  });

  it('orders by name and by expires_at, never-expiring keys last ascending', async () => {
    const names = (await keys('order_by=name.desc&limit=1000')).results.map((k) => k.name);
    expect(names).toEqual([...names].sort().reverse());
    const asc = (await keys('order_by=expires_at.asc&limit=1000')).results;
    expect(asc.slice(0, 2).map((k) => k.key_id)).toEqual([K.oldDemo, K.mobileAppProd]);
    expect(asc.at(-1)?.expires_at).toBeNull();
    const desc = (await keys('order_by=expires_at.desc&limit=1000')).results;
    expect(desc.slice(-2).map((k) => k.key_id)).toEqual([K.mobileAppProd, K.oldDemo]);
  });

  it('lists another project by project_id', async () => {
    const page = await keys('project_id=2');
    expect(page.results.map((k) => k.name)).toEqual(['staging-tests']);
  });

  it.each([
    ['limit=1001', ['limit']],
    ['limit=0', ['limit']],
    ['limit=ten', ['limit']],
    ['limit=2.5', ['limit']],
    ['offset=-1', ['offset']],
    ['order_by=status.asc', ['order_by']],
    ['order_by=name', ['order_by']],
    ['order_by=name.up', ['order_by']],
    ['limit=5000&order_by=x', ['limit', 'order_by']],
    ['project_id=abc', ['project_id']],
  ])('answers %s with a 400 naming %j', async (query, fields) => {
    expect(await badQuery(KEYS, query)).toEqual(fields);
  });

  it('answers an unknown project with a 404 naming it', async () => {
    const res = await call('GET', `${KEYS}?project_id=77`);
    expect(res.status).toBe(404);
    expect(gcoreErrorBodySchema.parse(res.json).message).toContain('77');
  });
});

describe('GET /cloud/v2/inference/deployments', () => {
  it('lists the default project with a mix of statuses', async () => {
    const list = await deployments('');
    expect(list.count).toBe(7);
    expect(new Set(list.results.map((d) => d.status))).toEqual(
      new Set(['ACTIVE', 'DEPLOYING', 'DISABLED', 'FAILED', 'PARTIALLYDEPLOYED', 'NEW']),
    );
    const llama = list.results.find((d) => d.id === D.llamaChat);
    expect(llama?.address).toBe('https://llama-3-8b-chat-a1b2c3.ai.gcore.dev');
    expect(llama?.api_key_ids.sort()).toEqual([K.ciPipeline, K.mobileAppProd].sort());
    expect(list.results.find((d) => d.id === D.whisperLarge)?.address).toBeNull();
  });

  it('lists project 2 separately', async () => {
    const list = await deployments('project_id=2');
    expect(list.results.map((d) => d.id).sort()).toEqual(
      [D.stagingLlamaChat, D.stagingWhisperSmall, D.stagingMistral].sort(),
    );
  });

  it('pages and orders', async () => {
    const byName = (await deployments('order_by=name.asc')).results.map((d) => d.name);
    expect(byName).toEqual([...byName].sort());
    const page = await deployments('order_by=name.asc&limit=2&offset=2');
    expect(page.count).toBe(7);
    expect(page.results.map((d) => d.name)).toEqual(byName.slice(2, 4));
    const byStatus = (await deployments('order_by=status.desc')).results.map((d) => d.status);
    expect(byStatus).toEqual([...byStatus].sort().reverse());
  });

  it('rejects ordering by a key field and a too-large limit', async () => {
    expect(await badQuery(DEPLOYMENTS, 'order_by=expires_at.asc&limit=1001')).toEqual([
      'limit',
      'order_by',
    ]);
  });
});

describe('GET /cloud/v1/projects', () => {
  it('lists live projects, newest first, the default one marked', async () => {
    const list = await projects('');
    expect(list.count).toBe(2);
    expect(list.results.map((p) => p.name)).toEqual(['staging', 'default']);
    expect(list.results.filter((p) => p.is_default).map((p) => p.id)).toEqual([1]);
    expect(list.results[1]?.created_at).toBe('2024-03-01T09:00:00');
  });

  it('includes deleted projects only when asked', async () => {
    const list = await projects('include_deleted=true&order_by=name.asc');
    expect(list.results.map((p) => p.name)).toEqual(['default', 'old-experiments', 'staging']);
    expect(list.results[1]?.deleted_at).not.toBeNull();
  });

  it('filters by a name substring and pages', async () => {
    expect((await projects('name=stag')).results.map((p) => p.name)).toEqual(['staging']);
    const page = await projects('limit=1&offset=1&order_by=created_at.asc');
    expect(page).toMatchObject({ count: 2, results: [{ name: 'staging' }] });
  });

  it.each([
    ['order_by=id.asc', ['order_by']],
    ['order_by=status.asc', ['order_by']],
    ['include_deleted=maybe', ['include_deleted']],
    ['limit=1001', ['limit']],
  ])('answers %s with a 400 naming %j', async (query, fields) => {
    expect(await badQuery(PROJECTS, query)).toEqual(fields);
  });
});

describe('ties', () => {
  it('keeps creation order among keys created in the same second, either direction', async () => {
    const sameSecond = sandboxCaller(
      createSandbox({ now: () => new Date('2025-06-01T00:00:00.250Z') }),
    );
    for (const name of ['tie-a', 'tie-c', 'tie-b']) {
      expect((await sameSecond('POST', KEYS, { body: { name, project_id: 2 } })).status).toBe(200);
    }
    const names = async (order: string) =>
      apiKeyListSchema
        .parse((await sameSecond('GET', `${KEYS}?project_id=2&order_by=${order}`)).json)
        .results.map((k) => k.name);
    expect(await names('created_at.asc')).toEqual(['staging-tests', 'tie-a', 'tie-c', 'tie-b']);
    expect(await names('created_at.desc')).toEqual(['tie-b', 'tie-c', 'tie-a', 'staging-tests']);
  });
});
