import type { JobExecutor } from '../job-types.ts';

export type JobExecutorOptions = {
  /** This server's own origin on loopback: every Gcore call goes through its `/cloud` gateway. */
  gatewayUrl: string;
  giveUpMs: number;
};

/**
 * Placeholder until the steps land: every job fails with a sentence saying so, so the service,
 * its database and its endpoint can be wired and tested on their own.
 */
export function createJobExecutor(options: JobExecutorOptions): JobExecutor {
  void options;
  return async () => ({
    state: 'failed',
    failure: 'This server cannot carry out binding jobs yet.',
  });
}
