import type { FaultSpec, RequestLogEntry } from '../../shared/sandbox-control-contract.ts';
import { startSandboxProcess } from '../start-sandbox-process.ts';

export const V3_DEPLOYMENTS = '/cloud/v3/inference/1/deployments';

export type ExternalSandbox = {
  url: string;
  token: string;
  /** The next `method` call to `path` hangs (until its client goes away) before it is served. */
  hang(method: string, path: string): Promise<void>;
  /** The `/cloud` calls it received, oldest first (never their Authorization). */
  requests(): Promise<RequestLogEntry[]>;
  /** The key names a v3 deployment of the default project lists now. */
  keysOf(deployment: string): Promise<string[]>;
  close(): Promise<void>;
};

/**
 * The sandbox as its own process, as Gcore is to the server: a server killed with SIGKILL
 * leaves it, and what was done to it, behind. Tasks finish in `taskMs`.
 */
export async function startExternalSandbox(taskMs = 300): Promise<ExternalSandbox> {
  const quiet = { info: () => {}, error: (line: string) => process.stderr.write(`${line}\n`) };
  const sandbox = await startSandboxProcess(
    { port: 0, seedKeys: 0, passOn: { SANDBOX_TASK_MS: String(taskMs), SANDBOX_API_VERSIONS: '' } },
    quiet,
  );
  const control = async (method: string, path: string, body?: unknown) => {
    const answer = await fetch(new URL(path, sandbox.url), {
      method,
      headers: { 'content-type': 'application/json', authorization: `APIKey ${sandbox.token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!answer.ok) throw new Error(`${method} ${path} answered ${answer.status}`);
    return answer.status === 204 ? undefined : ((await answer.json()) as unknown);
  };
  return {
    url: sandbox.url,
    token: sandbox.token,
    async hang(method, path) {
      const spec: FaultSpec = { method, path, delayMs: 600_000, passThrough: true, times: 1 };
      await control('POST', '/__sandbox/faults', spec);
    },
    requests: async () => (await control('GET', '/__sandbox/requests')) as RequestLogEntry[],
    async keysOf(deployment) {
      const found = (await control('GET', `${V3_DEPLOYMENTS}/${deployment}`)) as {
        api_keys: string[] | null;
      };
      return found.api_keys ?? [];
    },
    close: sandbox.close,
  };
}
