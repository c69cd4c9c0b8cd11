import * as z from 'zod/mini';
import { apiErrorBodySchema } from '../../src/lib/api-error-schema.ts';
import { parseRetryAfter, tryParseJson } from '../../src/lib/read-api-error.ts';
import {
  apiKeyV3Schema,
  v3ApiKeyPath,
} from '../../src/features/api-keys/api/v3/api-key-v3-schemas.ts';
import {
  deploymentV3Schema,
  patchDeploymentKeysInputSchema,
  taskIdsSchema,
  taskPath,
  taskSchema,
  v3DeploymentPath,
  type DeploymentV3,
  type Task,
} from '../../src/features/deployments/api/v3/deployment-v3-schemas.ts';
import { REQUESTED_BY } from '../../src/lib/request-header.ts';
import type { JobIdentity } from '../gateway/job-identity.ts';
import { GatewayCallError } from './gateway-call-error.ts';
import { statusMessage } from './gateway-answer-words.ts';

/** Whose call it is: a job's project, who started it, its token if personal, its life. */
export type JobCallScope = {
  projectId: number;
  startedBy: string;
  /** The caller's `Authorization` for a personal job; the gateway adds the shared token itself. */
  authorization: string | undefined;
  signal: AbortSignal;
};

/** The v3 calls a job makes, bound to one job; each throws GatewayCallError on failure. */
export type JobCalls = {
  getDeployment(name: string): Promise<DeploymentV3>;
  /** PATCHes the deployment's whole `api_keys` list; resolves to the task ids to poll. */
  setDeploymentKeys(name: string, apiKeys: string[]): Promise<string[]>;
  getTask(id: string): Promise<Task>;
  /** A key already gone (404) counts as deleted. */
  deleteKey(name: string): Promise<'deleted' | 'already-gone'>;
  /** The deployments the key is attached to, as the API says now. */
  keyDeployments(name: string): Promise<string[]>;
};

export type GatewayClient = { forJob(scope: JobCallScope): JobCalls };

export type GatewayClientOptions = {
  /** The server's own port, known only once it listens. */
  port: () => number;
  identity: JobIdentity;
  /** Per call; past the gateway's own upstream deadlines (30 s, 60 s) so it answers first. */
  callTimeoutMs?: number;
  fetch?: typeof fetch;
};

export const DEFAULT_CALL_TIMEOUT_MS = 90_000;
const noAnswer = z.unknown();

/**
 * A job reaches Gcore only through this server's own `/cloud` gateway, over loopback, so the
 * route table, body contracts, task memory and audit lines apply to it as to the page.
 */
export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  const timeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const send = options.fetch ?? fetch;

  async function call<T>(
    scope: JobCallScope,
    request: { method: string; path: string; body?: unknown },
    schema: z.ZodMiniType<T>,
  ): Promise<T> {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = AbortSignal.any([scope.signal, deadline]);
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...REQUESTED_BY,
      ...options.identity.headersFor(scope.startedBy),
      ...(scope.authorization ? { authorization: scope.authorization } : {}),
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
    };
    let status = 0;
    let text = '';
    let response: Response;
    try {
      response = await send(`http://127.0.0.1:${options.port()}${request.path}`, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        redirect: 'manual',
        signal,
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      if (scope.signal.aborted) throw scope.signal.reason;
      if (deadline.aborted) {
        const message = `No answer within ${Math.round(timeoutMs / 1000)} s: the request may or may not have been carried out.`;
        throw new GatewayCallError({ kind: 'timeout', message });
      }
      const reason = error instanceof Error ? error.message : String(error);
      const message = `The connection to the dashboard's server failed (${reason}).`;
      throw new GatewayCallError({ kind: 'network', message });
    }
    const json = text === '' ? undefined : tryParseJson(text);
    if (status < 200 || status >= 300) {
      const body = apiErrorBodySchema.safeParse(json);
      const fields = body.success ? body.data : {};
      throw new GatewayCallError({
        kind: 'http',
        status,
        message: fields.message ?? fields.detail ?? statusMessage(status),
        exceptionClass: fields.exception_class ?? null,
        requestId: fields.request_id ?? response.headers.get('x-request-id'),
        retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after'), Date.now()),
      });
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) return parsed.data;
    const message = `The API answered ${request.method} ${request.path} in a shape the dashboard does not know.`;
    throw new GatewayCallError({ kind: 'invalid-answer', status, message });
  }

  return {
    forJob: (scope) => {
      const { projectId } = scope;
      return {
        getDeployment: (name) =>
          call(
            scope,
            { method: 'GET', path: v3DeploymentPath(projectId, name) },
            deploymentV3Schema,
          ),
        setDeploymentKeys: async (name, apiKeys) => {
          const body = patchDeploymentKeysInputSchema.parse({ api_keys: apiKeys });
          const path = v3DeploymentPath(projectId, name);
          return (await call(scope, { method: 'PATCH', path, body }, taskIdsSchema)).tasks;
        },
        getTask: (id) => call(scope, { method: 'GET', path: taskPath(id) }, taskSchema),
        deleteKey: async (name) => {
          const path = v3ApiKeyPath(projectId, name);
          try {
            await call(scope, { method: 'DELETE', path }, noAnswer);
            return 'deleted';
          } catch (error) {
            if (error instanceof GatewayCallError && error.status === 404) return 'already-gone';
            throw error;
          }
        },
        keyDeployments: async (name) => {
          const path = v3ApiKeyPath(projectId, name);
          return (await call(scope, { method: 'GET', path }, apiKeyV3Schema)).deployment_names;
        },
      };
    },
  };
}
