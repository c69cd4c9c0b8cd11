import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sql } from '../jobs/database.ts';
import { fakeClock, openTestDatabase } from '../testing/jobs-database.ts';
import { activityRecord } from './activity-record.ts';
import { activityStore, type ActivityStore } from './activity-store.ts';

let sql: Sql;
let store: ActivityStore;
const clock = fakeClock();
beforeAll(async () => {
  sql = await openTestDatabase();
  store = activityStore(sql, clock.now);
}, 60_000);
afterAll(() => sql.close());
beforeEach(async () => {
  await sql.query('DELETE FROM audit_events');
});

let requests = 0;
const line = (fields: Record<string, unknown>) =>
  JSON.stringify({
    type: 'audit',
    time: clock.now().toISOString(),
    user: 'ana@example.com',
    action: 'create',
    project: 1,
    key_name: 'team-key',
    key_id: null,
    status: 201,
    request_id: `req-${++requests}`,
    upstream_request_id: null,
    ...fields,
  });

async function record(fields: Record<string, unknown> = {}) {
  const parsed = activityRecord(line(fields), clock.now);
  if (!parsed) throw new Error('not an audit line');
  await store.insert(parsed);
}

describe('the activity store', () => {
  it('lists a project newest first, with who, what, outcome and request ids', async () => {
    await record({ action: 'create', upstream_request_id: 'up-1' });
    await record({ action: 'update', status: 200 });
    await record({ action: 'delete', status: 204, project: '2' });
    const page = await store.list({ project: 1, keys: [], limit: 50 });
    expect(page.next_before).toBeNull();
    expect(page.results.map((event) => event.action)).toEqual(['update', 'create']);
    expect(page.results[1]).toMatchObject({
      user: 'ana@example.com',
      project: 1,
      key_name: 'team-key',
      status: 201,
      upstream_request_id: 'up-1',
      time: '2026-03-01T10:00:00.000Z',
    });
    const other = await store.list({ project: 2, keys: [], limit: 50 });
    expect(other.results.map((event) => event.action)).toEqual(['delete']);
  });

  it('shows a write that names no project (a v2 update by id) in every project', async () => {
    await record({ action: 'update', project: null, key_name: null, key_id: 'a1b2' });
    for (const project of [1, 2]) {
      const page = await store.list({ project, keys: [], limit: 50 });
      expect(page.results.map((event) => event.key_id)).toEqual(['a1b2']);
    }
  });

  it('filters by a v3 key name or a v2 key id', async () => {
    await record({ key_name: 'team-key' });
    await record({ key_name: 'other-key' });
    await record({ key_name: null, key_id: 'a1b2', action: 'delete' });
    const byName = await store.list({ project: 1, keys: ['other-key'], limit: 50 });
    expect(byName.results.map((event) => event.key_name)).toEqual(['other-key']);
    const byId = await store.list({ project: 1, keys: ['a1b2'], limit: 50 });
    expect(byId.results.map((event) => event.action)).toEqual(['delete']);
    const both = await store.list({ project: 1, keys: ['team-key', 'a1b2'], limit: 50 });
    expect(both.results.map((event) => event.action)).toEqual(['delete', 'create']);
  });

  it('pages older events with next_before until the oldest', async () => {
    for (const name of ['k-one', 'k-two', 'k-three', 'k-four', 'k-five']) {
      await record({ key_name: name });
    }
    const first = await store.list({ project: 1, keys: [], limit: 2 });
    expect(first.results.map((event) => event.key_name)).toEqual(['k-five', 'k-four']);
    const second = await store.list({
      project: 1,
      keys: [],
      limit: 2,
      before: first.next_before ?? '',
    });
    expect(second.results.map((event) => event.key_name)).toEqual(['k-three', 'k-two']);
    const last = await store.list({
      project: 1,
      keys: [],
      limit: 2,
      before: second.next_before ?? '',
    });
    expect(last.results.map((event) => event.key_name)).toEqual(['k-one']);
    expect(last.next_before).toBeNull();
  });

  it('forgets events older than the retention, keeps newer ones', async () => {
    await record({ key_name: 'old-key' });
    clock.advance(10 * 24 * 60 * 60 * 1000);
    await record({ key_name: 'new-key' });
    clock.advance(5 * 24 * 60 * 60 * 1000);
    expect(await store.purge(7)).toBe(1);
    const page = await store.list({ project: 1, keys: [], limit: 50 });
    expect(page.results.map((event) => event.key_name)).toEqual(['new-key']);
  });

  it('stores only the allow-listed fields: a token, secret or body on the line never lands', async () => {
    await record({
      action: 'bind',
      keys_added: ['team-key'],
      auth: true,
      token: 'APIKey sekrit-token',
      secret: 'sk-one-time-secret',
      body: { name: 'team-key', secret: 'sk-body-secret' },
      authorization: 'Bearer stolen',
    });
    const rows = await sql.query('SELECT * FROM audit_events');
    const stored = JSON.stringify(rows.rows);
    for (const leak of ['sekrit', 'sk-one-time', 'sk-body', 'stolen', 'authorization']) {
      expect(stored).not.toContain(leak);
    }
    const [event] = (await store.list({ project: 1, keys: [], limit: 1 })).results;
    expect(event?.detail).toEqual({ keys_added: ['team-key'], auth: true });
  });
});

describe('activityRecord', () => {
  it('takes only audit lines', () => {
    expect(activityRecord(JSON.stringify({ type: 'request', status: 200 }), clock.now)).toBe(
      undefined,
    );
    expect(activityRecord('not json "audit"', clock.now)).toBeUndefined();
    expect(activityRecord(line({}), clock.now)).toMatchObject({ action: 'create', project: 1 });
  });
});
