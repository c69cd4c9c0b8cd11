import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExternalSandbox, type ExternalSandbox } from '../testing/external-sandbox.ts';
import { fastJobsEnv } from '../testing/fast-jobs-env.ts';
import { serverCaller, type Call } from '../testing/jobs-front.ts';
import {
  discardPostgresCluster,
  startPostgresCluster,
  type PostgresCluster,
} from '../testing/postgres-cluster.ts';
import {
  spawnProductionServer,
  type ProductionProcess,
} from '../testing/spawn-production-server.ts';

/**
 * A scheduled retirement as production runs it: it survives a SIGKILL before its time (the
 * state is in the database) and runs once after; with two replicas on one PostgreSQL it runs
 * on one of them, once: one DELETE upstream.
 */
const KEYS = '/cloud/v3/inference/1/api_keys';
const MISTRAL = 'mistral-7b-instruct';
const DEADLINE = { timeout: 30_000, interval: 100 };
/** RETIRE_MIN_DELAY_MS in these servers, and how far ahead the retirement is scheduled. */
const MIN_DELAY_MS = 2_000;
const AHEAD_MS = 10_000;

let sandbox: ExternalSandbox;
const servers: ProductionProcess[] = [];
beforeAll(async () => {
  sandbox = await startExternalSandbox();
}, 30_000);
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await sandbox.close();
});

const start = async (env: Record<string, string>) => {
  const server = await spawnProductionServer({
    ...fastJobsEnv(sandbox),
    RETIRE_MIN_DELAY_MS: String(MIN_DELAY_MS),
    ...env,
  });
  servers.push(server);
  return { ...server, call: serverCaller(server.port) };
};
const stateOf = async (call: Call, id: string) =>
  ((await call('GET', `/__app/jobs/${id}`)).body as { state?: string }).state;
const deletesOf = async (name: string) =>
  (await sandbox.requests()).filter(
    (entry) => entry.method === 'DELETE' && entry.path === `${KEYS}/${name}`,
  );
const runsOf = (id: string, replicas: ProductionProcess[]) =>
  replicas
    .flatMap((replica) => replica.stdout)
    .filter((line) => line.includes(id) && line.includes('"state":"running"'));

/** Two keys bound to one deployment, as a rotation leaves them; the new key's bind job id. */
async function rotatedPair(call: Call, prefix: string): Promise<string> {
  let bindId = '';
  for (const name of [`${prefix}-old`, `${prefix}-new`]) {
    expect((await call('POST', KEYS, { body: { name } })).status).toBe(200);
    const bind = await call('POST', '/__app/jobs', {
      body: { kind: 'bind', project_id: 1, key_name: name, deployments: [MISTRAL] },
    });
    bindId = (bind.body as { id: string }).id;
    await expect.poll(() => stateOf(call, bindId), DEADLINE).toBe('done');
  }
  return bindId;
}

const scheduleRetirement = async (call: Call, prefix: string, afterJob: string) => {
  const answer = await call('POST', '/__app/jobs', {
    body: {
      kind: 'retire',
      project_id: 1,
      key_name: `${prefix}-old`,
      key_id: null,
      replaced_by: `${prefix}-new`,
      replaced_by_id: null,
      after_job: afterJob,
      deployments: [MISTRAL],
      run_after: new Date(Date.now() + AHEAD_MS).toISOString(),
    },
  });
  expect(answer.body).toMatchObject({ state: 'queued' });
  return (answer.body as { id: string }).id;
};

describe('a scheduled retirement', () => {
  it('survives a SIGKILL before its time, and runs once after the restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'job-retire-'));
    try {
      const first = await start({ DATA_DIR: dataDir });
      const bindId = await rotatedPair(first.call, 'restart');
      const id = await scheduleRetirement(first.call, 'restart', bindId);
      first.child.kill('SIGKILL');
      await first.exited;
      expect(await deletesOf('restart-old')).toEqual([]);
      const second = await start({ DATA_DIR: dataDir });
      await expect.poll(() => stateOf(second.call, id), DEADLINE).toBe('done');
      expect(await deletesOf('restart-old')).toHaveLength(1);
      expect(await sandbox.keysOf(MISTRAL)).toContain('restart-new');
      expect(await sandbox.keysOf(MISTRAL)).not.toContain('restart-old');
      expect(runsOf(id, [first, second])).toHaveLength(1);
      await second.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('a scheduled retirement with two replicas on PostgreSQL', () => {
  let postgres: PostgresCluster | undefined;
  beforeAll(async () => {
    postgres = await startPostgresCluster();
  }, 60_000);
  afterAll(() => discardPostgresCluster(postgres));

  it('runs on one of them, once: one DELETE upstream', async () => {
    const env = { DATABASE_URL: postgres?.url ?? '' };
    const replicas = await Promise.all([start(env), start(env)]);
    const [a, b] = replicas;
    if (!a || !b) throw new Error('Two replicas did not start.');
    const bindId = await rotatedPair(a.call, 'replicas');
    const id = await scheduleRetirement(a.call, 'replicas', bindId);
    await expect.poll(() => stateOf(b.call, id), DEADLINE).toBe('done');
    expect(await deletesOf('replicas-old')).toHaveLength(1);
    expect(runsOf(id, replicas)).toHaveLength(1);
    expect(await sandbox.keysOf(MISTRAL)).not.toContain('replicas-old');
  }, 90_000);
});
