import type { Budget, Results } from './results.ts';

/** The server's targets, each a ratio to the same work without it, from the same run. */
export const SERVER_BUDGETS = {
  /** p99 latency through the production server ÷ straight to the sandbox, at 50 connections. */
  gatewayP99Ratio: 1.3,
  /** Requests per second through the server ÷ straight to the sandbox. */
  gatewayThroughputRatio: 0.7,
  /** A two-deployment bind job's completion ÷ the same calls made straight on the sandbox. */
  jobCompletionRatio: 1.2,
  /** Click → reveal while 100 jobs run ÷ on the same server without them, medians. */
  revealUnderJobsRatio: 1.1,
} as const;

const times = (value: number) => `${value.toFixed(2)}×`;

export function checkServerBudgets(r: Omit<Results, 'budgets'>): Budget[] {
  const budgets: Budget[] = [];
  const add = (name: string, target: string, actual: string, met: boolean) =>
    budgets.push({ name, target, actual, met });
  const g = r.gateway;
  if (g) {
    const { gatewayP99Ratio: p99, gatewayThroughputRatio: rps } = SERVER_BUDGETS;
    const failed = g.through.failures + g.direct.failures;
    add('gateway p99, through ÷ direct', `≤ ${p99}×`, times(g.ratio.p99), g.ratio.p99 <= p99);
    add(
      'gateway throughput, through ÷ direct',
      `≥ ${rps}×`,
      times(g.ratio.perSecond),
      g.ratio.perSecond >= rps,
    );
    add('gateway calls answered 200', 'all', `${failed} failed`, failed === 0);
  }
  const j = r.jobs;
  if (j) {
    const limit = SERVER_BUDGETS.jobCompletionRatio;
    const { ratio } = j.completion;
    add('bind job (2 deployments) ÷ direct', `≤ ${limit}×`, times(ratio), ratio <= limit);
    for (const [database, many] of Object.entries(j.many)) {
      const done = many.ended.done ?? 0;
      add(`100 jobs done, ${database}`, 'all', `${done} of ${many.jobs}`, done === many.jobs);
      const reveal = many.clickToReveal.ratio.median;
      const most = SERVER_BUDGETS.revealUnderJobsRatio;
      add(
        `click → reveal under jobs, ${database}`,
        `≤ ${most}× quiet`,
        times(reveal),
        reveal <= most,
      );
    }
  }
  return budgets;
}
