import { setTimeout as sleep } from 'node:timers/promises';
import { createKey, FINISHED, jobStates, startJob, type BindJob } from './job-calls.ts';
import type { ProductionStack } from './production-stack.ts';
import { sampleClickToReveal } from './reveal-timing.ts';
import { compare, type Comparison } from './stats.ts';

export type ManyJobsResult = {
  jobs: number;
  /** How the jobs ended, by state: every one should be `done`. */
  ended: Record<string, number>;
  /** From the first POST to the last job finished. */
  allDoneMs: number;
  /** The server's resident set size before the keys were made and after the last job, MB. */
  rssMb: { before: number; after: number; growth: number };
  /** Click → reveal on the app this server serves: while the jobs ran ÷ before they started. */
  clickToReveal: Comparison;
  /** Samples that ended while jobs were still running, of those taken. */
  samplesDuringJobs: { during: number; taken: number };
};

/**
 * Each job binds its own key to one deployment; jobs in turn take the next of the seed's ten
 * v3 deployments (two projects), so the few a worker runs at once never PATCH the same list (v3
 * has no ETag: the last writer would win and the other job fail as overridden).
 */
const SLOTS: readonly [number, string][] = [
  ...[
    'llama-3-8b-chat',
    'mistral-7b-instruct',
    'whisper-large-v3',
    'stable-diffusion-xl',
    'qwen2-72b-instruct',
    'bge-m3-embeddings',
    'phi-3-mini-4k',
  ].map((name): [number, string] => [1, name]),
  ...['llama-3-8b-chat', 'whisper-small', 'mistral-7b-instruct'].map((name): [number, string] => [
    2,
    name,
  ]),
];

/**
 * Click → reveal `runs` times on a quiet server, then `count` jobs started at once and the same
 * `runs` while they run; then waits (10 minutes at most) for every job to finish.
 */
export async function startMany(
  stack: ProductionStack,
  count: number,
  runs: number,
  label: string,
): Promise<ManyJobsResult> {
  const prefix = `bench-many-${label}-${Date.now().toString(36)}`;
  const quiet = await sampleClickToReveal(stack.url, runs, `${prefix}-quiet`);
  const before = await stack.rssMb();
  const jobs: BindJob[] = Array.from({ length: count }, (_, i) => {
    const [project, deployment] = SLOTS[i % SLOTS.length] ?? [1, 'llama-3-8b-chat'];
    return { project, key: `${prefix}-${i}`, deployments: [deployment] };
  });
  for (const job of jobs) await createKey(stack, job.project, job.key);
  const started = Date.now();
  const ids = new Set(await Promise.all(jobs.map((job) => startJob(stack, job))));
  const finished = watch(stack, ids);
  // Awaited below; until then a failed poll must not end the process as unhandled.
  finished.catch(() => {});
  const busy = await sampleClickToReveal(stack.url, runs, `${prefix}-busy`);
  const { states, at } = await finished;
  const ended: Record<string, number> = {};
  for (const state of states.values()) ended[state] = (ended[state] ?? 0) + 1;
  const after = await stack.rssMb();
  return {
    jobs: count,
    ended,
    allDoneMs: at - started,
    rssMb: { before, after, growth: Math.round((after - before) * 10) / 10 },
    clickToReveal: compare(
      busy.map((s) => s.dialogMs),
      quiet.map((s) => s.dialogMs),
    ),
    samplesDuringJobs: { during: busy.filter((s) => s.at < at).length, taken: busy.length },
  };
}

/** Polls the jobs' list every 250 ms (as a page would) until every job in `ids` finished. */
async function watch(stack: ProductionStack, ids: ReadonlySet<string>, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const all = await jobStates(stack, [...new Set(SLOTS.map(([project]) => project))]);
    const states = new Map([...ids].map((id) => [id, all.get(id) ?? 'missing']));
    if ([...states.values()].every((state) => FINISHED.has(state)))
      return { states, at: Date.now() };
    if (Date.now() > deadline) return { states, at: Date.now() };
    await sleep(250);
  }
}
