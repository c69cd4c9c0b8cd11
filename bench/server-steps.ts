import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureGateway, type GatewayResult } from './gateway.ts';
import { startPostgres, type Postgres } from './postgres.ts';
import { JOB_TIMING, measureJobCompletion, type JobsResult } from './jobs.ts';
import { startMany } from './many-jobs.ts';
import {
  startProductionStack,
  type ProductionStack,
  type StackOptions,
} from './production-stack.ts';

export type ServerStepCounts = {
  /** Requests per side and round of the gateway step. */
  gatewayRequests: number;
  /** Bind jobs (and direct runs) timed; click → reveal runs per side under the 100 jobs. */
  jobRuns: number;
};

type StackPlan = Omit<StackOptions, 'dataDir'>;

/** A production stack on a data directory of its own for `use`, everything removed after. */
async function withStack<T>(plan: StackPlan, use: (stack: ProductionStack) => Promise<T>) {
  const dataDir = await mkdtemp(join(tmpdir(), 'gcore-keys-bench-jobs-'));
  const stack = await startProductionStack({ ...plan, dataDir });
  try {
    return await use(stack);
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function gatewayStep(
  outDir: string,
  generation: 'v2' | 'v3',
  counts: ServerStepCounts,
): Promise<GatewayResult> {
  return withStack({ outDir, generation, ...JOB_TIMING }, (stack) =>
    measureGateway(stack, generation, counts.gatewayRequests),
  );
}

/**
 * The bind job's completion on the embedded database (PGlite, the default), then 100 jobs at
 * once on it and on a throwaway PostgreSQL when this machine has one.
 */
export async function jobsStep(
  outDir: string,
  counts: ServerStepCounts,
  log: (what: string) => void,
): Promise<JobsResult> {
  const plan = { outDir, generation: 'v3' as const, ...JOB_TIMING };
  log('jobs on PGlite: a two-deployment bind job ÷ the same calls straight, then 100 at once');
  const [completion, pglite] = await withStack(
    plan,
    async (stack) =>
      [
        await measureJobCompletion(stack, counts.jobRuns),
        await startMany(stack, 100, counts.jobRuns, 'pglite'),
      ] as const,
  );
  const result: JobsResult = { completion, many: { PGlite: pglite }, notMeasured: [] };
  let postgres: Postgres | undefined;
  try {
    postgres = await startPostgres();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    result.notMeasured.push(`100 jobs on PostgreSQL: it did not start: ${why}`);
  }
  if (postgres) {
    log('jobs on PostgreSQL: 100 at once');
    try {
      const databaseUrl = postgres.url;
      result.many.PostgreSQL = await withStack({ ...plan, databaseUrl }, (stack) =>
        startMany(stack, 100, counts.jobRuns, 'postgres'),
      );
    } finally {
      await postgres.stop();
    }
  }
  return result;
}
