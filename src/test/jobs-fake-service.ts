import {
  JOBS_PATH,
  JOBS_SETTINGS_PATH,
  startAnyJobInputSchema,
  type Job,
  type JobStep,
  type StartAnyJobInput,
} from '../features/jobs/api/job-contract';
import {
  decideRetire,
  failed,
  finished,
  interrupted,
  resumeJob,
  startedJob,
  stepped,
} from './jobs-fake-changes';

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
    this.jobs.push(startedJob(parsed.data, this.#nextId(), this.#now()));
    return Response.json(this.latest(), { status: 202 });
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
    return this.#put(id, stepped(this.#get(id), deployment, status, message));
  }

  finish(id: string) {
    return this.#put(id, finished(this.#get(id)));
  }

  /** Fails the job, at `deployment`'s step when given (the steps before it done). */
  fail(id: string, failure: string, deployment?: string) {
    return this.#put(id, failed(this.#get(id), failure, deployment));
  }

  interrupt(id: string) {
    return this.#put(id, interrupted);
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
