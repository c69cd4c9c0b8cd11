import { readPort } from '../read-port.ts';
import { readTimeoutMs } from '../read-timeout-ms.ts';

export type AuthMode = 'server' | 'personal';

export type ProductionConfig = {
  port: number;
  host: string;
  distDir: string;
  apiUrl: string;
  apiToken: string | undefined;
  auth: AuthMode;
  sandbox: boolean;
  timeoutMs: number | undefined;
};

/** Reads and checks the environment once, failing at start-up with a message that names the variable. */
export function readProductionConfig(
  env: Record<string, string | undefined>,
  argv: string[],
): ProductionConfig {
  const sandbox = argv.includes('--sandbox') || env.GCORE_SANDBOX === '1';
  const apiToken = env.GCORE_API_KEY?.trim() || undefined;
  const auth = env.GCORE_AUTH?.trim() || (apiToken || sandbox ? 'server' : 'personal');
  if (auth !== 'server' && auth !== 'personal') {
    throw new Error(`GCORE_AUTH must be "server" or "personal", got "${auth}"`);
  }
  if (auth === 'server' && !apiToken && !sandbox) {
    throw new Error(
      'GCORE_AUTH=server needs GCORE_API_KEY (or leave GCORE_AUTH unset for personal sign-in)',
    );
  }
  const apiUrl = env.GCORE_API_URL?.trim() || 'https://api.gcore.com';
  if (!sandbox) new URL(apiUrl); // a typo fails here, not on the first request
  return {
    port: readPort('PORT', env.PORT, 8080),
    host: env.HOST?.trim() || '127.0.0.1',
    distDir: env.DIST_DIR?.trim() || 'dist',
    apiUrl,
    apiToken,
    auth,
    sandbox,
    timeoutMs: readTimeoutMs(env.GCORE_API_TIMEOUT_MS),
  };
}
