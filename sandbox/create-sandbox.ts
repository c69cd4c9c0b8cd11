import { Hono } from 'hono';
import { FaultController } from './faults/controller';
import { RequestLog } from './faults/request-log';
import { canonicalTarget } from './http/canonical-target';
import type { SandboxEnv } from './http/context';
import { asSandboxError, errorBody, SandboxError } from './http/errors';
import { gateway } from './http/gateway';
import { requestIdMiddleware } from './http/request-id';
import { registerControlRoutes } from './routes/control';
import { registerProjectRoutes } from './routes/projects';
import { registerV2ApiKeyRoutes } from './routes/v2/api-keys';
import { registerV2DeploymentRoutes } from './routes/v2/deployments';
import { SandboxStore } from './store/store';

export const DEFAULT_SANDBOX_TOKEN = 'sandbox-token';

export interface SandboxOptions {
  /** The permanent token the sandbox accepts as `APIKey <token>`. */
  token?: string;
  /** The clock for created_at, expiry checks and EXPIRED status; injectable for tests. */
  now?: () => Date;
  /** Extra generated keys in the default project, for paging. */
  seedKeys?: number;
}

export interface Sandbox {
  fetch(request: Request, env?: unknown): Promise<Response>;
  readonly token: string;
  /** Restores the seed data and clears faults and the request log. */
  reset(options?: { seedKeys?: number }): void;
  readonly faults: FaultController;
  readonly requestLog: RequestLog;
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const token = options.token ?? DEFAULT_SANDBOX_TOKEN;
  if (token === '' || /\s/.test(token)) {
    throw new Error('The sandbox token must be a non-empty word.');
  }
  const now = options.now ?? (() => new Date());
  const store = new SandboxStore(options.seedKeys ?? 0);
  const faults = new FaultController();
  const requestLog = new RequestLog();
  const reset = (resetOptions: { seedKeys?: number } = {}) => {
    store.reset(resetOptions.seedKeys);
    faults.clear();
    requestLog.clear();
  };

  const app = new Hono<SandboxEnv>();
  app.use('*', requestIdMiddleware);
  app.use('*', canonicalTarget);
  // Before the gateway: control routes need no token and are never faulted or logged.
  registerControlRoutes(app, { faults, log: requestLog, reset });
  app.use('*', gateway({ token, now, faults, log: requestLog }));
  // One store, one route module per resource and API generation: a v3 module joins beside v2.
  const deps = { store, now };
  registerV2ApiKeyRoutes(app, deps);
  registerV2DeploymentRoutes(app, deps);
  registerProjectRoutes(app, deps);

  app.notFound((c) => {
    const error = new SandboxError(404, 'NotFoundError', `Resource not found: ${c.req.path}`);
    return Response.json(errorBody(error, c.var.requestId), { status: 404 });
  });
  app.onError((err, c) => {
    const error = asSandboxError(err);
    return Response.json(errorBody(error, c.var.requestId), { status: error.status });
  });

  return {
    fetch: async (request, env) => app.fetch(request, env),
    token,
    reset,
    faults,
    requestLog,
  };
}
