import { performance } from 'node:perf_hooks';
import { bindDirect, createKey, startJob, waitForJob, type BindJob } from './job-calls.ts';
import type { ManyJobsResult } from './many-jobs.ts';
import type { ProductionStack } from './production-stack.ts';
import { summarize, type Summary } from './stats.ts';

/** The sandbox's task time and the server's task polling during the jobs step. */
export const JOB_TIMING = { taskMs: 1000, taskPollMs: 200 } as const;

export type JobCompletionResult = {
  deployments: string[];
  /** POST /__app/jobs → the job read back as done, polled every 20 ms. */
  job: Summary;
  /** The same GETs, PATCHes and task polls straight on the sandbox, one after the other. */
  direct: Summary;
  /** Job ÷ direct, of the medians. */
  ratio: number;
};

export type JobsResult = {
  completion: JobCompletionResult;
  /** 100 jobs at once, per database the run could start. */
  many: Record<string, ManyJobsResult>;
  /** A database the run could not measure, and why. */
  notMeasured: string[];
};

const TWO_DEPLOYMENTS = ['llama-3-8b-chat', 'mistral-7b-instruct'];

/**
 * A two-deployment bind job through the server against the same work done straight on the
 * sandbox, in turns, each time with a new key; `rounds` of each after one warm-up pair.
 */
export async function measureJobCompletion(
  stack: ProductionStack,
  rounds: number,
): Promise<JobCompletionResult> {
  const times: Record<'job' | 'direct', number[]> = { job: [], direct: [] };
  const prefix = `bench-bind-${Date.now().toString(36)}`;
  for (let i = 0; i <= rounds; i += 1) {
    for (const side of ['job', 'direct'] as const) {
      const job: BindJob = {
        project: 1,
        key: `${prefix}-${side}-${i}`,
        deployments: TWO_DEPLOYMENTS,
      };
      await createKey(stack, job.project, job.key);
      const started = performance.now();
      if (side === 'job') {
        const state = await waitForJob(stack, await startJob(stack, job));
        if (state !== 'done') throw new Error(`The bind job of ${job.key} ended ${state}.`);
      } else {
        await bindDirect(stack, job, JOB_TIMING.taskPollMs);
      }
      if (i > 0) times[side].push(performance.now() - started);
    }
  }
  const job = summarize(times.job);
  const direct = summarize(times.direct);
  return {
    deployments: TWO_DEPLOYMENTS,
    job,
    direct,
    ratio: Math.round((job.median / direct.median) * 100) / 100,
  };
}
