import { createServer } from 'node:http';
import { startSandboxServer, type SandboxServer } from '../../sandbox/server.ts';
import type { RequestLogEntry } from '../../shared/sandbox-control-contract.ts';
import type { JobState } from '../../src/features/jobs/api/job-contract.ts';
import { TestClock } from '../../src/test/test-clock.ts';
import { cloudGateway } from '../gateway/cloud-gateway.ts';
import { createJobIdentity } from '../gateway/job-identity.ts';
import { originPolicy } from '../gateway/request-origin.ts';
import { DASHBOARD_V3_ROUTES, type RouteRule } from '../gateway/route-table.ts';
import { createGatewayClient, type GatewayClient } from '../jobs/gateway-client.ts';
import type { JobOutcome, JobProgress, JobRecord } from '../jobs/job-types.ts';
import { createJobExecutor } from '../jobs/steps/run-job.ts';
import { closeNow, listenOnLoopback } from './loopback-server.ts';

export type JobHarnessOptions = {
  /** `personal`: the gateway holds no token, each job brings its caller's. */
  tokenMode?: 'shared' | 'personal';
  pollIntervalMs?: number;
  giveUpAfterMs?: number;
  /** How long the sandbox's tasks take on the test clock; 3 s unless told. */
  taskDurationMs?: number;
  /** The gateway's route table: v3's unless told (v2's for a v2 retirement). */
  routes?: readonly RouteRule[];
};

export type JobRun = { outcome: JobOutcome; reports: JobProgress[] };

export type RunContext = {
  authorization?: string;
  signal?: AbortSignal;
  /** Sees each saved progress, as the store would; may abort the signal to play a lost lease. */
  onReport?: (progress: JobProgress) => void;
  /** Other jobs' states, as the store would answer (a retirement's bind job). */
  jobStates?: Record<string, JobState>;
};

export type JobHarness = {
  sandbox: SandboxServer['sandbox'];
  /** The sandbox's clock and the steps': their waits move it, nothing really sleeps. */
  clock: TestClock;
  /** The gateway's JSON lines (audit, failures). */
  lines: string[];
  /** The executor's own client, to call the gateway as a job does. */
  gateway: GatewayClient;
  run(job: JobRecord, context?: RunContext): Promise<JobRun>;
  /** The names a v3 deployment of project 1 lists in `api_keys` now, read from the sandbox. */
  keysOf(deployment: string): Promise<string[]>;
  /** The `method` calls the sandbox received under `prefix`, oldest first. */
  sent(method: string, prefix?: string): RequestLogEntry[];
  /** A new gateway in front, as after a restart: the task ids it remembered are forgotten. */
  restartGateway(): void;
  /** Between tests: the seed data, no faults, an empty log, the clock running. */
  reset(): void;
  close(): Promise<void>;
};

/**
 * The executor as the server runs it, on loopback through a real `/cloud` gateway to the
 * in-process sandbox over HTTP, all on one test clock: a job's polls and back-offs move the
 * sandbox's time, so a v3 task or a 10-minute give-up takes no real time at all.
 */
export async function startJobHarness(options: JobHarnessOptions = {}): Promise<JobHarness> {
  const clock = new TestClock();
  const sandbox = await startSandboxServer({
    now: clock.date,
    apiVersions: ['v2', 'v3'],
    taskDurationMs: options.taskDurationMs,
  });
  const identity = createJobIdentity();
  const lines: string[] = [];
  const front = createServer();
  const port = await listenOnLoopback(front);
  const newGateway = () =>
    cloudGateway({
      target: {
        url: sandbox.url,
        token: options.tokenMode === 'personal' ? undefined : sandbox.token,
      },
      deadlines: { headersMs: 5_000, bodyMs: 5_000 },
      policy: originPolicy(port, []),
      routes: options.routes ?? DASHBOARD_V3_ROUTES,
      jobIdentity: identity,
      writeLine: (line) => lines.push(line),
    });
  let gateway = newGateway();
  front.on('request', (req, res) => gateway(req, res, () => res.writeHead(404).end()));
  const client = createGatewayClient({ port: () => port, identity });
  const executor = createJobExecutor({
    gateway: client,
    clock,
    pollIntervalMs: options.pollIntervalMs,
    giveUpAfterMs: options.giveUpAfterMs,
  });
  return {
    sandbox: sandbox.sandbox,
    clock,
    lines,
    gateway: client,
    run: async (job, context = {}) => {
      const reports: JobProgress[] = [];
      const outcome = await executor(job, {
        authorization: context.authorization,
        signal: context.signal ?? new AbortController().signal,
        report: async (progress) => {
          reports.push(structuredClone(progress));
          context.onReport?.(progress);
        },
        jobState: async (id) => context.jobStates?.[id],
      });
      return { outcome, reports };
    },
    keysOf: async (deployment) => {
      const answer = await sandbox.sandbox.fetch(
        new Request(`http://sandbox/cloud/v3/inference/1/deployments/${deployment}`, {
          headers: { authorization: `APIKey ${sandbox.token}` },
        }),
      );
      return ((await answer.json()) as { api_keys: string[] | null }).api_keys ?? [];
    },
    sent: (method, prefix = '/cloud/') =>
      sandbox.sandbox.requestLog
        .entries()
        .filter((entry) => entry.method === method && entry.path.startsWith(prefix)),
    restartGateway: () => {
      gateway = newGateway();
    },
    reset: () => {
      gateway = newGateway();
      sandbox.sandbox.reset();
      clock.reset();
      lines.length = 0;
    },
    close: async () => {
      await closeNow(front);
      await sandbox.close();
    },
  };
}

/** A job record as the store hands it to the executor, fresh unless told otherwise. */
export function jobRecord(
  fields: Pick<JobRecord, 'kind' | 'key_name'> & { deployments: string[] } & Partial<JobRecord>,
): JobRecord {
  const { deployments, ...rest } = fields;
  const now = new Date().toISOString();
  return {
    id: '5d0c5a52-8f7e-4d0a-9c55-3f6f4a1e2b7c',
    state: 'running',
    project_id: 1,
    steps: deployments.map((deployment) => ({ deployment, status: 'pending', message: null })),
    key_deleted: false,
    failure: null,
    started_by: 'alice@example.com',
    created_at: now,
    updated_at: now,
    run_after: null,
    rotation: null,
    token_mode: 'shared',
    detail: null,
    attempts: 0,
    ...rest,
  };
}
