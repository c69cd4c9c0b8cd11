import type { Sandbox } from '../create-sandbox';
import { tryParseJson } from '../../src/lib/read-api-error';

export const SANDBOX_ORIGIN = 'http://sandbox.test';

export interface CallOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, for malformed bodies. */
  rawBody?: string;
  /** The full Authorization header; null sends none. Defaults to the sandbox's valid one. */
  authorization?: string | null;
  signal?: AbortSignal;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is empty or not JSON. */
  json: unknown;
  type: ResponseType;
}

/** A tiny client for tests that talk to a sandbox in-process, through its fetch. */
export function sandboxCaller(sandbox: Sandbox) {
  return async function call(
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<CallResult> {
    const headers = new Headers();
    const authorization =
      options.authorization === undefined ? `APIKey ${sandbox.token}` : options.authorization;
    if (authorization !== null) headers.set('Authorization', authorization);
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers.set('Content-Type', 'application/json');
    }
    const response = await sandbox.fetch(
      new Request(`${SANDBOX_ORIGIN}${path}`, { method, headers, body, signal: options.signal }),
    );
    if (response.type === 'error') {
      return { status: 0, headers: response.headers, text: '', json: undefined, type: 'error' };
    }
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      json: tryParseJson(text),
      type: response.type,
    };
  };
}

export { API_KEYS_PATH as KEYS } from '../../src/features/api-keys/api/api-key-schemas';
export { DEPLOYMENTS_PATH as DEPLOYMENTS } from '../../src/features/deployments/api/v2/deployment-schemas';
export { PROJECTS_PATH as PROJECTS } from '../../src/features/projects/api/project-schemas';
