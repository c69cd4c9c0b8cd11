import { act } from '@testing-library/react';
import type { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeAll, afterAll } from 'vitest';
import {
  JOBS_PATH,
  JOBS_SETTINGS_PATH,
  startAnyJobInputSchema,
  type Job,
  type JobStep,
  type StartAnyJobInput,
} from '../features/jobs/api/job-contract';
import { jobKeys } from '../features/jobs/api/job-query-keys';
import { decideRetire, resumeJob, retireJob } from './jobs-fake-changes';
import { appRoutes } from './sandbox-server';

type Logged = { method: string; path: string; body: unknown };

/** What the service answers instead of doing its work: an error answer, or no answer at all. */
export type JobsRefusal = { status: number; exceptionClass: string; message: string } | 'network';

/**
 * The server's jobs service, in memory, for component tests: a POST makes a queued job, GETs
 * answer as the design says (a project's list newest first), `/retry` re-queues a failed or
 * interrupted job with its failed steps pending, `/run-now` and `/cancel` decide a scheduled or
 * held retirement (jobs-fake-changes.ts). Nothing moves by itself: a test moves a job on
 * (`step`, `finish`, `fail`, `interrupt`), then `poll(client)` stands for the page's next poll.
 */
export class JobsFake {
  jobs: Job[] = [];
  readonly log: Logged[] = [];
  #seq = 0;
  #clock = Date.parse('2030-01-01T00:00:00Z');
  #refusals: { method: string; refusal: JobsRefusal }[] = [];
  /** What `GET /__app/jobs-settings` answers (`RETIRE_MIN_DELAY_MS`). */
  retireMinDelayMs = 0;

  /**
   * The service's next `method` request is refused: an error as the server sends it (503
   * JobsUnavailable when its data directory is in use), or a connection that fails.
   */
  refuseNext(method: 'GET' | 'POST', refusal: JobsRefusal): void {
    this.#refusals.push({ method, refusal });
  }

  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const body: unknown = request.method === 'POST' ? await request.json().catch(() => null) : null;
    this.log.push({ method: request.method, path: url.pathname + url.search, body });
    const at = this.#refusals.findIndex((r) => r.method === request.method);
    const refusal = at < 0 ? undefined : this.#refusals.splice(at, 1)[0]?.refusal;
    if (refusal !== undefined) {
      if (refusal === 'network') throw new TypeError('Failed to fetch');
      const { status, exceptionClass, message } = refusal;
      const answer = { exception_class: exceptionClass, message, request_id: `rq-${status}` };
      return Response.json(answer, { status });
    }
    if (url.pathname === JOBS_SETTINGS_PATH) {
      return Response.json({ retire_min_delay_ms: this.retireMinDelayMs });
    }
    const [, , , id, action] = url.pathname.split('/');
    if (request.method === 'POST' && url.pathname === JOBS_PATH) return this.#start(body);
    if (request.method === 'GET' && url.pathname === JOBS_PATH) {
      const projectId = Number(url.searchParams.get('project_id'));
      const results = this.jobs.filter((job) => job.project_id === projectId).reverse();
      return Response.json({ results });
    }
    const job = this.jobs.find((other) => other.id === decodeURIComponent(id ?? ''));
    if (!job) return Response.json({ message: 'No such job.' }, { status: 404 });
    if (request.method === 'GET' && action === undefined) return Response.json(job);
    if (request.method === 'POST' && action === 'retry') {
      const change = resumeJob(job);
      if (change instanceof Response) return change;
      return Response.json(this.#put(job.id, change), { status: 202 });
    }
    if (request.method === 'POST' && (action === 'run-now' || action === 'cancel')) {
      const change = decideRetire(job, action, this.#now());
      return change instanceof Response ? change : Response.json(this.#put(job.id, change));
    }
    return Response.json({ message: 'Not found.' }, { status: 404 });
  }

  #start(body: unknown): Response {
    const parsed = startAnyJobInputSchema.safeParse(body);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') ?? 'body';
      return Response.json(
        { message: `Invalid ${field}.`, code: 'InvalidRequestBody' },
        { status: 400 },
      );
    }
    const input = parsed.data;
    const at = this.#now();
    if (input.kind === 'retire') {
      this.jobs.push(retireJob(input, this.#nextId(), at));
      return Response.json(this.latest(), { status: 202 });
    }
    const job: Job = {
      id: this.#nextId(),
      kind: input.kind,
      state: 'queued',
      project_id: input.project_id,
      key_name: input.key_name,
      rotation: null,
      steps: input.deployments.map((deployment) => ({
        deployment,
        status: 'pending',
        message: null,
      })),
      key_deleted: false,
      failure: null,
      started_by: 'shared token',
      created_at: at,
      updated_at: at,
      run_after: null,
    };
    this.jobs.push(job);
    return Response.json(job, { status: 202 });
  }

  /** A job started before the test (another tab, another browser). */
  seed(input: StartAnyJobInput): Job {
    this.#start(input);
    return this.latest();
  }

  /** The latest job, or the latest for a key. */
  latest(keyName?: string): Job {
    const job = this.jobs.filter((j) => keyName === undefined || j.key_name === keyName).at(-1);
    if (!job) throw new Error(`No job${keyName ? ` for ${keyName}` : ''} was started.`);
    return job;
  }

  /** One deployment's step moves; the job runs while any step is left. */
  step(id: string, deployment: string, status: JobStep['status'], message: string | null = null) {
    const job = this.#get(id);
    const steps = job.steps.map((s) =>
      s.deployment === deployment ? { ...s, status, message } : s,
    );
    return this.#put(id, { state: 'running', steps });
  }

  finish(id: string) {
    const job = this.#get(id);
    const steps = job.steps.map((s) => ({ ...s, status: 'done' as const, message: null }));
    return this.#put(id, { state: 'done', steps, key_deleted: job.kind === 'detach-and-delete' });
  }

  /** Fails the job, at `deployment`'s step when given (the steps before it done). */
  fail(id: string, failure: string, deployment?: string) {
    const job = this.#get(id);
    const at = job.steps.findIndex((s) => s.deployment === deployment);
    const steps = job.steps.map((s, index): JobStep =>
      index === at
        ? { ...s, status: 'failed', message: failure }
        : index < at
          ? { ...s, status: 'done' }
          : s,
    );
    return this.#put(id, { state: 'failed', failure, steps });
  }

  interrupt(id: string) {
    return this.#put(id, {
      state: 'interrupted',
      failure:
        'The server restarted while this job was running; resume it to finish with your own sign-in.',
    });
  }

  reset() {
    this.jobs = [];
    this.log.splice(0);
    this.#refusals = [];
    this.retireMinDelayMs = 0;
  }

  #get(id: string): Job {
    const job = this.jobs.find((other) => other.id === id);
    if (!job) throw new Error(`No job ${id}.`);
    return job;
  }

  #put(id: string, change: Partial<Job>): Job {
    const job = { ...this.#get(id), ...change, updated_at: this.#now() };
    this.jobs = this.jobs.map((other) => (other.id === id ? job : other));
    return job;
  }

  /** UUIDs, as the server's: a retirement's `after_job` must be one. */
  #nextId(): string {
    return `00000000-0000-4000-8000-${String(++this.#seq).padStart(12, '0')}`;
  }

  #now(): string {
    this.#clock += 1000;
    return new Date(this.#clock).toISOString();
  }
}

/** The page's next poll of every job it follows, at once instead of a second later. */
export async function poll(client: QueryClient): Promise<void> {
  await act(() => client.refetchQueries({ queryKey: jobKeys.all }));
}

/** Serves `/__app/jobs` beside the sandbox for one file; jobs and remembered ids reset per test. */
export function setupJobsFake(): JobsFake {
  const fake = new JobsFake();
  beforeAll(() => {
    appRoutes.jobs = (request) => fake.handle(request);
  });
  afterEach(() => {
    fake.reset();
    window.localStorage.clear();
  });
  afterAll(() => {
    appRoutes.jobs = null;
  });
  return fake;
}
