import { readApiUrl } from './api-url.ts';
import { PORT_RULE, readEnvInteger, SEED_KEYS_RULE } from '../shared/read-env-integer.ts';
import { startSandboxProcess } from './start-sandbox-process.ts';

/**
 * Where `/cloud/…` goes: the real Gcore API when `GCORE_API_URL` is set, otherwise the built-in
 * sandbox. The token stays here, on the server side of the proxy.
 */
export type ApiTarget =
  | {
      kind: 'sandbox';
      url: string;
      token: string;
      close: () => Promise<void>;
      /** Only the server's own sandbox can be reset: a real API has no such thing. */
      onReset: (listener: () => Promise<void>) => void;
    }
  | { kind: 'remote'; url: string; token: string | undefined; close: () => Promise<void> };

/** Reads GCORE_API_URL, GCORE_API_KEY, SANDBOX_PORT and SANDBOX_SEED_KEYS. */
export type ApiTargetEnv = Record<string, string | undefined>;

export async function resolveApiTarget(env: ApiTargetEnv): Promise<ApiTarget> {
  const remote = env.GCORE_API_URL?.trim();
  const token = env.GCORE_API_KEY?.trim() || undefined;
  if (remote) {
    const url = readApiUrl(remote);
    return { kind: 'remote', url: url.origin, token, close: async () => {} };
  }
  const server = await startSandboxProcess({
    port: readEnvInteger(env, 'SANDBOX_PORT', PORT_RULE, 0),
    seedKeys: readEnvInteger(env, 'SANDBOX_SEED_KEYS', SEED_KEYS_RULE, 0),
    passOn: pick(env, ['SANDBOX_API_VERSIONS', 'SANDBOX_TASK_MS']),
  });
  const { url, token: sandboxToken, close, onReset } = server;
  return { kind: 'sandbox', url, token: sandboxToken, close, onReset };
}

function pick(env: ApiTargetEnv, names: string[]): Record<string, string> {
  return Object.fromEntries(
    names.flatMap((name) => (env[name] === undefined ? [] : [[name, env[name]]])),
  );
}

/** What the page shows about its backend; never includes the token. */
export function describeApiTarget(target: ApiTarget): string {
  return target.kind === 'sandbox' ? 'sandbox' : target.url;
}
