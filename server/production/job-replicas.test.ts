import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../jobs/database.ts';
import {
  startExternalSandbox,
  V3_DEPLOYMENTS,
  type ExternalSandbox,
} from '../testing/external-sandbox.ts';
import { fastJobsEnv } from '../testing/fast-jobs-env.ts';
import { dumpAllTables } from '../testing/jobs-database.ts';
import { serverCaller, type Answer } from '../testing/jobs-front.ts';
import { startNginxBalancer, type NginxBalancer } from '../testing/nginx-balancer.ts';
import {
  discardPostgresCluster,
  startPostgresCluster,
  type PostgresCluster,
} from '../testing/postgres-cluster.ts';
import { findInFiles, findInText } from '../testing/secret-scan.ts';
import {
  spawnProductionServer,
  type ProductionProcess,
} from '../testing/spawn-production-server.ts';

/**
 * Two production replicas behind nginx (round robin, the example's proxy block) sharing one
 * PostgreSQL: a job whose replica is killed mid-way is finished by the other, with one PATCH
 * per deployment; and the database keeps no token and no key secret.
 */
const KEY = 'replicated-key';
const MISTRAL = 'mistral-7b-instruct';
const WHISPER = 'whisper-large-v3';
const PUBLIC_HOST = 'keys.example.com';
const DEADLINE = { timeout: 30_000, interval: 100 };

let postgres: PostgresCluster;
let sandbox: ExternalSandbox;
let replicas: ProductionProcess[] = [];
let nginx: NginxBalancer | undefined;
beforeAll(async () => {
  [postgres, sandbox] = await Promise.all([startPostgresCluster(), startExternalSandbox()]);
  const replica = () =>
    spawnProductionServer({
      ...fastJobsEnv(sandbox),
      DATABASE_URL: postgres.url,
      PUBLIC_ORIGIN: `https://${PUBLIC_HOST}`,
    });
  // Started together on an empty database: the migrations must not race.
  replicas = await Promise.all([replica(), replica()]);
  nginx = await startNginxBalancer(replicas.map((replica) => replica.port));
}, 60_000);
afterAll(async () => {
  await nginx?.stop();
  await Promise.all(replicas.map((replica) => replica.stop()));
  await sandbox?.close();
  await discardPostgresCluster(postgres);
});

const stateOf = (answer: Answer) => (answer.body as { state?: string }).state;
const logOf = (replica: ProductionProcess) => [...replica.stdout, ...replica.stderr].join('\n');
const jobLines = (replica: ProductionProcess, id: string) =>
  replica.stdout
    .filter((line) => line.includes(id) && line.includes('"type":"job"'))
    .map((line) => (JSON.parse(line) as { state: string }).state);

describe('two replicas on PostgreSQL behind nginx', () => {
  it('a job whose replica is SIGKILLed is finished by the other, one PATCH per deployment; no secret in the database', async () => {
    const call = serverCaller(nginx?.port ?? 0, PUBLIC_HOST);
    const created = await call('POST', '/cloud/v3/inference/1/api_keys', { body: { name: KEY } });
    expect(created.status).toBe(200);
    const secret = (created.body as { secret: string }).secret;
    await sandbox.hang('GET', `${V3_DEPLOYMENTS}/${WHISPER}`);
    const posted = await call('POST', '/__app/jobs', {
      body: { kind: 'bind', project_id: 1, key_name: KEY, deployments: [MISTRAL, WHISPER] },
    });
    expect(posted.status).toBe(202);
    const id = (posted.body as { id: string }).id;
    await expect
      .poll(async () => (await sandbox.requests()).some((r) => r.path.endsWith(WHISPER)), DEADLINE)
      .toBe(true);
    // Either replica answers the list, from the one database.
    for (let read = 0; read < 4; read += 1) {
      const listed = await call('GET', '/__app/jobs?project_id=1');
      expect((listed.body as { results: { id: string }[] }).results.map((job) => job.id)).toEqual([
        id,
      ]);
    }
    for (const replica of replicas) {
      expect(logOf(replica)).toContain('"jobs":"postgresql"');
      await expect.poll(() => logOf(replica), DEADLINE).toContain('"path":"/__app/jobs?');
    }

    await expect
      .poll(() => replicas.some((replica) => jobLines(replica, id).includes('running')), DEADLINE)
      .toBe(true);
    const holder = replicas.find((replica) => jobLines(replica, id).includes('running'));
    const other = replicas.find((replica) => replica !== holder);
    if (!holder || !other) throw new Error('No replica says it is running the job.');
    holder.child.kill('SIGKILL');
    await holder.exited;
    await expect
      .poll(async () => stateOf(await call('GET', `/__app/jobs/${id}`)), DEADLINE)
      .toBe('done');
    expect(jobLines(other, id)).toEqual(['queued', 'running', 'done']);
    const patches = (await sandbox.requests()).filter((entry) => entry.method === 'PATCH');
    expect(patches.map((entry) => entry.path)).toEqual([
      `${V3_DEPLOYMENTS}/${MISTRAL}`,
      `${V3_DEPLOYMENTS}/${WHISPER}`,
    ]);
    expect(await sandbox.keysOf(WHISPER)).toContain(KEY);

    const secrets = [sandbox.token, secret];
    const sql = await openDatabase({ databaseUrl: postgres.url, dataDir: '' });
    const tables = await dumpAllTables(sql).finally(() => sql.close());
    expect(tables).toContain(id);
    const logs = Object.fromEntries(
      replicas.map((replica, index) => [`replica ${index}`, logOf(replica)]),
    );
    expect(findInText({ tables, ...logs }, secrets)).toEqual([]);
    await postgres.stop();
    // The scan reads where the rows are: the key's name is there, its secret and token not.
    expect((await findInFiles(postgres.dataDir, [KEY])).length).toBeGreaterThan(0);
    expect(await findInFiles(postgres.dataDir, secrets)).toEqual([]);
  }, 120_000);
});
