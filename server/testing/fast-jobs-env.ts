import type { ExternalSandbox } from './external-sandbox.ts';

/**
 * A v3 production server's settings on `sandbox` with its shared token, where jobs move fast:
 * a lease runs out in a second and every poll comes each 100 ms, so a takeover or a task's end
 * shows within a test's patience.
 */
export function fastJobsEnv(sandbox: ExternalSandbox): Record<string, string> {
  return {
    GCORE_API_URL: sandbox.url,
    GCORE_API_KEY: sandbox.token,
    GCORE_API_VERSION: 'v3',
    JOB_LEASE_MS: '1000',
    JOBS_POLL_MS: '100',
    GCORE_TASK_POLL_MS: '100',
  };
}
