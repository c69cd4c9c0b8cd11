import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../jobs/database.ts';
import { dumpAllTables } from '../testing/jobs-database.ts';
import { serverCaller, type Answer } from '../testing/jobs-front.ts';
import {
  startExternalSandbox,
  V3_DEPLOYMENTS,
  type ExternalSandbox,
} from '../testing/external-sandbox.ts';
import { findInFiles, findInText } from '../testing/secret-scan.ts';
import {
  spawnProductionServer,
  type ProductionProcess,
} from '../testing/spawn-production-server.ts';

/**
 * The production server on an embedded database (PGlite in DATA_DIR), killed with SIGKILL in the
 * middle of a job: started again on the same directory, it finishes the job, and Gcore (the
 * sandbox, its own process) got one PATCH per deployment. Nothing secret is at rest after.
 */
const KEY = 'durable-key';
const MISTRAL = 'mistral-7b-instruct';
const WHISPER = 'whisper-large-v3';
const DEADLINE = { timeout: 30_000, interval: 100 };

let sandbox: ExternalSandbox;
let dataDir: string;
const servers: ProductionProcess[] = [];
beforeAll(async () => {
  sandbox = await startExternalSandbox();
  dataDir = await mkdtemp(join(tmpdir(), 'job-durability-'));
}, 30_000);
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await sandbox.close();
  await rm(dataDir, { recursive: true, force: true });
});

const start = async (env: Record<string, string>) => {
  const server = await spawnProductionServer({
    GCORE_API_URL: sandbox.url,
    GCORE_API_VERSION: 'v3',
    DATA_DIR: dataDir,
    JOB_LEASE_MS: '1000',
    JOBS_POLL_MS: '100',
    GCORE_TASK_POLL_MS: '100',
    ...env,
  });
  servers.push(server);
  return { ...server, call: serverCaller(server.port) };
};
const shared = () => start({ GCORE_API_KEY: sandbox.token });
const stateOf = (answer: Answer) => (answer.body as { state?: string }).state;
const patches = async () =>
  (await sandbox.requests())
    .filter((entry) => entry.method === 'PATCH')
    .map((entry) => entry.path.slice(V3_DEPLOYMENTS.length + 1));

describe('a job on the embedded database', () => {
  it('completes once after its server is SIGKILLed mid-job and started again; nothing secret is at rest', async () => {
    const first = await shared();
    const created = await first.call('POST', '/cloud/v3/inference/1/api_keys', {
      body: { name: KEY },
    });
    expect(created.status).toBe(200);
    const secret = (created.body as { secret: string }).secret;
    expect(secret.length).toBeGreaterThan(8);
    // The job's second deployment never answers its read: the job stays there, half done.
    await sandbox.hang('GET', `${V3_DEPLOYMENTS}/${WHISPER}`);
    const posted = await first.call('POST', '/__app/jobs', {
      body: { kind: 'bind', project_id: 1, key_name: KEY, deployments: [MISTRAL, WHISPER] },
    });
    expect(posted.status).toBe(202);
    const id = (posted.body as { id: string }).id;
    await expect
      .poll(async () => (await sandbox.requests()).some((r) => r.path.endsWith(WHISPER)), DEADLINE)
      .toBe(true);
    expect(await patches()).toEqual([MISTRAL]);

    first.child.kill('SIGKILL');
    await first.exited;
    // The dead process's lock is left behind: the next start must take it over.
    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(true);
    const second = await shared();
    const job = `/__app/jobs/${id}`;
    await expect.poll(async () => stateOf(await second.call('GET', job)), DEADLINE).toBe('done');
    expect(await patches()).toEqual([MISTRAL, WHISPER]);
    expect(await sandbox.keysOf(MISTRAL)).toContain(KEY);
    expect(await sandbox.keysOf(WHISPER)).toContain(KEY);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    // Personal sign-in on the same data: the caller's token works the job, and must not stay.
    const personal = await start({ GCORE_AUTH: 'personal' });
    const authorization = `APIKey ${sandbox.token}`;
    const unbind = await personal.call('POST', '/__app/jobs', {
      headers: { authorization },
      body: { kind: 'unbind', project_id: 1, key_name: KEY, deployments: [MISTRAL] },
    });
    expect(unbind.status).toBe(202);
    const unbindJob = `/__app/jobs/${(unbind.body as { id: string }).id}`;
    const read = () => personal.call('GET', unbindJob, { headers: { authorization } });
    await expect.poll(async () => stateOf(await read()), DEADLINE).toBe('done');
    personal.child.kill('SIGTERM');
    expect(await personal.exited).toBe(0);

    const secrets = [sandbox.token, secret];
    // The scan reads where the rows are: the key's name is there, its secret and tokens not.
    expect((await findInFiles(dataDir, [KEY])).length).toBeGreaterThan(0);
    expect(await findInFiles(dataDir, secrets)).toEqual([]);
    const sql = await openDatabase({ dataDir });
    const tables = await dumpAllTables(sql).finally(() => sql.close());
    expect(tables).toContain(id);
    const logs = Object.fromEntries(
      servers.map((server, index) => [`server ${index + 1}'s log`, logLines(server)]),
    );
    expect(findInText({ tables, ...logs }, secrets)).toEqual([]);
  }, 120_000);
});

function logLines(server: ProductionProcess): string {
  return [...server.stdout, ...server.stderr].join('\n');
}
