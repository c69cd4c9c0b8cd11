import { Hono } from 'hono';
import { registerApiKeyRoutes } from './api-key-routes';
import { registerCatalogRoutes } from './catalog-routes';
import { registerControlRoutes } from './control-routes';
import { createFastPath, type FastPath } from './fast-path';
import { FaultController } from './fault-controller';
import { gateway } from './gateway';
import { RequestLog } from './request-log';
import { requestIdMiddleware } from './request-id';
import { asSandboxError, errorBody, SandboxError } from './sandbox-error';
import { SandboxStore } from './sandbox-store';
import type { SandboxEnv } from './sandbox-types';

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
  /** For the Node server: the hottest calls without Hono, the rest handed back to `fetch`. */
  readonly fastPath: FastPath;
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
  // Before the gateway: control routes need no token and are never faulted or logged.
  registerControlRoutes(app, { faults, log: requestLog, reset });
  app.use('*', gateway({ token, now, faults, log: requestLog }));
  registerApiKeyRoutes(app, { store, now });
  registerCatalogRoutes(app, { store, now });

  app.notFound((c) => {
    const error = new SandboxError(404, 'NotFoundError', `Resource not found: ${c.req.path}`);
    return errorJson(error, c.var.requestId);
  });
  app.onError((err, c) => errorJson(asSandboxError(err), c.var.requestId));

  return {
    fetch: async (request, env) => app.fetch(request, env),
    token,
    reset,
    faults,
    requestLog,
    fastPath: createFastPath({ token, now, store, faults, log: requestLog }),
  };
}

function errorJson(error: SandboxError, requestId: string): Response {
  return Response.json(errorBody(error, requestId), { status: error.status });
}
