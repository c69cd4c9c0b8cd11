import { afterAll, beforeAll } from 'vitest';
import * as z from 'zod/mini';
import { apiKeyListSchema } from '../../src/features/api-keys/api/api-key-schemas';
import { KEYS } from './sandbox-test-client';
import { type SandboxServer, startSandboxServer } from '../server';
import { tryParseJson } from '../../src/lib/read-api-error';

export interface HttpResult {
  status: number;
  headers: Headers;
  /** The parsed body, or undefined when it is empty or not JSON. */
  json: unknown;
}

/**
 * A client for tests that talk to a sandbox over real HTTP on loopback, with Node's fetch
 * (undici). Every call carries the valid `APIKey` token.
 */
export function httpCaller(server: SandboxServer) {
  return async function call(method: string, path: string, body?: unknown): Promise<HttpResult> {
    const headers = new Headers({ Authorization: `APIKey ${server.token}` });
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: tryParseJson(text) };
  };
}

export type HttpCall = ReturnType<typeof httpCaller>;

/**
 * One sandbox over real HTTP on 127.0.0.1 for a file's tests, started before them and closed
 * after. `call` reaches it from the top of the file; `server` is read inside a test.
 */
export function sandboxOverHttpForFile() {
  let current: SandboxServer | undefined;
  beforeAll(async () => {
    current = await startSandboxServer({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => current?.close());
  const server = () => {
    if (!current) throw new Error('The sandbox runs only while the file’s tests do.');
    return current;
  };
  const call: HttpCall = (method, path, body) => httpCaller(server())(method, path, body);
  return {
    get server() {
      return server();
    },
    call,
  };
}

/** Every key of a project, in one page (the sandbox's maximum page size). */
export async function listAllKeys(call: HttpCall, projectId: number) {
  const res = await call('GET', `${KEYS}?project_id=${projectId}&limit=1000`);
  if (res.status !== 200) throw new Error(`Listing keys answered ${res.status}.`);
  return apiKeyListSchema.parse(res.json);
}

const deploymentListSchema = z.object({
  count: z.number(),
  results: z.array(z.object({ id: z.string(), api_key_ids: z.array(z.string()) })),
});

/** deployment id → the key ids the sandbox reports bound to it. */
export async function boundKeysByDeployment(
  call: HttpCall,
  projectId: number,
): Promise<Map<string, string[]>> {
  const path = `/cloud/v2/inference/deployments?project_id=${projectId}&limit=1000`;
  const res = await call('GET', path);
  if (res.status !== 200) throw new Error(`Listing deployments answered ${res.status}.`);
  const list = deploymentListSchema.parse(res.json);
  return new Map(list.results.map((d) => [d.id, d.api_key_ids]));
}

/** Resets the sandbox to its seed over the control API. */
export async function resetSandbox(server: SandboxServer): Promise<void> {
  const res = await fetch(`${server.url}/__sandbox/reset`, { method: 'POST' });
  await res.body?.cancel();
  if (!res.ok) throw new Error(`Reset answered ${res.status}.`);
}
