import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { ArmedList } from './faults/armed-list';
import { faultSpecSchema } from '../shared/sandbox-control-contract';
import type { FaultController } from './faults/controller';
import { RequestLog } from './faults/request-log';
import { canonicalTarget } from './http/canonical-target';
import type { SandboxEnv } from './http/context';
import { errorBody, SandboxError } from './http/errors';
import { gateway } from './http/gateway';
import { registerControlRoutes } from './routes/control';
import { registerProjectRoutes } from './routes/projects';
import { registerV2ApiKeyRoutes } from './routes/v2/api-keys';
import { registerV2DeploymentRoutes } from './routes/v2/deployments';
import { registerV3ApiKeyRoutes } from './routes/v3/api-keys';
import { registerV3DeploymentRoutes } from './routes/v3/deployments';
import { SandboxStore } from './store/store';
import { TaskBoard } from './store/tasks';

export type ApiVersion = 'v2' | 'v3';
export const DEFAULT_TASK_DURATION_MS = 3_000;

export interface SandboxOptions {
  /** The permanent token the sandbox accepts as `APIKey <token>`. */
  token?: string;
  /** The clock for created_at, expiry checks, EXPIRED status and tasks; tests inject theirs. */
  now?: () => Date;
  /** Extra generated keys in the default project, for paging. */
  seedKeys?: number;
  /** The API generations served over the one store; both by default. */
  apiVersions?: readonly ApiVersion[];
  /** How long a v3 deployment task takes from NEW to FINISHED. */
  taskDurationMs?: number;
  /**
   * Awaited by the reset control route before it answers: whoever keeps state about this
   * sandbox's keys (the app server's jobs) forgets it, so the next test starts from the seed.
   */
  onReset?: () => Promise<void>;
}

export type Sandbox = ReturnType<typeof createSandbox>;

export function createSandbox(options: SandboxOptions = {}) {
  const { token = 'sandbox-token', now = () => new Date(), apiVersions = ['v2', 'v3'] } = options;
  if (!/^\S+$/.test(token)) throw new Error('The sandbox token must be a non-empty word.');
  const store = new SandboxStore(options.seedKeys ?? 0);
  const faults: FaultController = new ArmedList(faultSpecSchema);
  const requestLog = new RequestLog();
  const tasks = new TaskBoard(now, options.taskDurationMs ?? DEFAULT_TASK_DURATION_MS);
  const reset = ({ seedKeys }: { seedKeys?: number } = {}) => {
    store.reset(seedKeys);
    for (const armedOrLogged of [tasks, faults, requestLog]) armedOrLogged.clear();
  };

  const app = new Hono<SandboxEnv>();
  app.use('*', async (c, next) => {
    // 32 hex characters, like Gcore's request ids.
    c.set('requestId', randomBytes(16).toString('hex'));
    await next();
    // A dropped connection (Response.error(), the only status 0) has immutable headers and never
    // reaches the client. A fault may bring its own X-Request-ID; keep it.
    if (c.res.status !== 0 && !c.res.headers.has('x-request-id')) {
      c.res.headers.set('X-Request-ID', c.var.requestId);
    }
  });
  app.use('*', canonicalTarget);
  // Before the gateway: control routes need no token and are never faulted or logged.
  const resetAll = async (spec?: { seedKeys?: number }) => {
    reset(spec);
    await options.onReset?.();
  };
  registerControlRoutes(app, { faults, log: requestLog, reset: resetAll, tasks });
  app.use('*', gateway({ token, now, faults, log: requestLog }));
  // A task whose time has come lands before any call can read the state it changes.
  app.use('/cloud/*', async (_c, next) => {
    tasks.settle();
    await next();
  });
  // One store; one route module per resource and API generation.
  const deps = { store, now, tasks };
  const routes = {
    v2: [registerV2ApiKeyRoutes, registerV2DeploymentRoutes],
    v3: [registerV3ApiKeyRoutes, registerV3DeploymentRoutes],
  };
  for (const version of new Set(apiVersions)) routes[version].forEach((add) => add(app, deps));
  registerProjectRoutes(app, deps);

  app.notFound((c) => {
    throw new SandboxError(404, `Resource not found: ${c.req.path}`);
  });
  app.onError((err, c) => {
    const failure = () =>
      new SandboxError(500, `Sandbox failure: ${err.message}`, undefined, 'InternalServerError');
    const error = err instanceof SandboxError ? err : failure();
    return c.json(errorBody(error, c.var.requestId), error.status);
  });

  const fetch = async (request: Request, env?: unknown) => app.fetch(request, env);
  return { fetch, token, reset, faults, requestLog, tasks } as const;
}
