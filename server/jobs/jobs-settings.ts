import { MS_RULE, readEnvInteger } from '../../shared/read-env-integer.ts';

export type JobsSettings = {
  databaseUrl: string | undefined;
  dataDir: string;
  retentionDays: number;
  leaseMs: number;
  pollMs: number;
  giveUpMs: number;
  /** The shortest grace a scheduled retirement may have ("now" and "held" are always allowed). */
  retireMinDelayMs: number;
};

/**
 * DATABASE_URL, DATA_DIR, JOBS_RETENTION_DAYS, JOB_LEASE_MS, JOBS_POLL_MS, JOB_GIVE_UP_MS,
 * RETIRE_MIN_DELAY_MS, read once at start; a typo stops the server with the variable's name. `defaultDataDir`: `.data`
 * under the project (dev) or the working directory (production).
 */
export function readJobsSettings(
  env: Record<string, string | undefined>,
  defaultDataDir: string,
): JobsSettings {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(?:ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must be a postgres://… connection string');
  }
  return {
    databaseUrl,
    dataDir: env.DATA_DIR?.trim() || defaultDataDir,
    retentionDays: readEnvInteger(
      env,
      'JOBS_RETENTION_DAYS',
      { min: 1, max: 3650, what: 'a whole number of days from 1 to 3650' },
      90,
    ),
    // Under a second, a busy database would make leases lapse under jobs that are fine.
    leaseMs: readEnvInteger(
      env,
      'JOB_LEASE_MS',
      { min: 1000, max: 600_000, what: 'a whole number of milliseconds from 1000 to 600000' },
      30_000,
    ),
    pollMs: readEnvInteger(env, 'JOBS_POLL_MS', MS_RULE, 1000),
    giveUpMs: readEnvInteger(
      env,
      'JOB_GIVE_UP_MS',
      { min: 1000, max: 86_400_000, what: 'a whole number of milliseconds from 1000 to 86400000' },
      600_000,
    ),
    // Up to 30 days: any longer grace is "I'll retire it myself".
    retireMinDelayMs: readEnvInteger(
      env,
      'RETIRE_MIN_DELAY_MS',
      { min: 0, max: 2_592_000_000, what: 'a whole number of milliseconds from 0 to 2592000000' },
      3_600_000,
    ),
  };
}
