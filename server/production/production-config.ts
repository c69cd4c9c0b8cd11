import { readApiGenerationSetting, type ApiGenerationSetting } from '../api-generation.ts';
import { readApiUrl } from '../api-url.ts';
import { readGatewaySettings, type GatewaySettings } from '../gateway/gateway-settings.ts';
import { readJobsSettings, type JobsSettings } from '../jobs/jobs-settings.ts';
import { readOperationsSettings, type OperationsSettings } from '../metrics/operations-settings.ts';
import { MS_RULE, PORT_RULE, readEnvInteger } from '../../shared/read-env-integer.ts';

export type AuthMode = 'server' | 'personal';

export type ProductionConfig = GatewaySettings & {
  port: number;
  host: string;
  distDir: string;
  apiUrl: string;
  apiToken: string | undefined;
  auth: AuthMode;
  sandbox: boolean;
  /** The browser's own time limit per API call (a meta tag); unset keeps the app's 30 s. */
  timeoutMs: number | undefined;
  /** GCORE_API_VERSION: v2, v3, or auto (probe the API). */
  apiVersion: ApiGenerationSetting;
  /** How often the page polls a v3 task (a meta tag); unset keeps the app's default. */
  taskPollMs: number | undefined;
  /** The origins the dashboard is reached at (PUBLIC_ORIGIN), beside loopback. */
  publicOrigins: string[];
  /** How long SIGTERM waits for in-flight requests before giving up. */
  drainMs: number;
  /** Where jobs live (DATA_DIR or DATABASE_URL) and how they are leased and kept. */
  jobs: JobsSettings;
  /** METRICS_TOKEN, METRICS_PORT, METRICS_HOST. */
  operations: OperationsSettings;
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
  if (!sandbox) readApiUrl(apiUrl);
  return {
    port: readEnvInteger(env, 'PORT', PORT_RULE, 8080),
    host: env.HOST?.trim() || '127.0.0.1',
    distDir: env.DIST_DIR?.trim() || 'dist',
    apiUrl,
    apiToken,
    auth,
    sandbox,
    timeoutMs: readEnvInteger(env, 'GCORE_API_TIMEOUT_MS', MS_RULE, undefined),
    apiVersion: readApiGenerationSetting(env.GCORE_API_VERSION),
    taskPollMs: readEnvInteger(env, 'GCORE_TASK_POLL_MS', MS_RULE, undefined),
    publicOrigins: readOrigins(env.PUBLIC_ORIGIN),
    drainMs: readEnvInteger(env, 'SHUTDOWN_DRAIN_MS', MS_RULE, 10_000),
    jobs: readJobsSettings(env, '.data'),
    operations: readOperationsSettings(env),
    ...readGatewaySettings(env),
  };
}

/** `https://keys.example.com, https://keys.internal:8443` → their origins; nothing else. */
function readOrigins(value: string | undefined): string[] {
  const entries = (value ?? '').split(',').map((entry) => entry.trim());
  return entries.filter(Boolean).map((entry) => {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(
        `PUBLIC_ORIGIN must list origins like https://keys.example.com, got "${entry}"`,
      );
    }
    if (url.origin === 'null' || url.href !== `${url.origin}/`) {
      throw new Error(`PUBLIC_ORIGIN entries are origins only (no path), got "${entry}"`);
    }
    return url.origin;
  });
}
