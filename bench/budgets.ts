import type { Budget, Results } from './results.ts';

/** Targets to reach, printed next to the figures; they never fail the run. */
export const BUDGETS = {
  firstLoadJsGzipBytes: 100_000,
  lighthouseMobilePerformance: 99,
  lighthouseAccessibility: 100,
  lighthouseBestPractices: 100,
  clickToDialogP95Ms: 100,
} as const;

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

/** Budgets are targets: the run reports them and never fails because of them. */
export function checkBudgets(r: Omit<Results, 'budgets'>): Budget[] {
  const budgets: Budget[] = [];
  const add = (name: string, target: string, actual: string, met: boolean) =>
    budgets.push({ name, target, actual, met });
  const js = r.bundle.firstLoad.js.gzip;
  add('first-load JS (gzip)', '≤ 100 kB', `${kB(js)} kB`, js <= BUDGETS.firstLoadJsGzipBytes);
  const mobile = r.lighthouse?.mobile;
  if (mobile) {
    const scores = [
      ['performance', 'performance', BUDGETS.lighthouseMobilePerformance, '≥ '],
      ['accessibility', 'accessibility', BUDGETS.lighthouseAccessibility, ''],
      ['best practices', 'bestPractices', BUDGETS.lighthouseBestPractices, ''],
    ] as const;
    for (const [label, score, target, prefix] of scores) {
      const actual = mobile[score];
      add(`Lighthouse mobile ${label}`, `${prefix}${target}`, `${actual}`, actual >= target);
    }
  }
  const p95 = r.interaction?.clickToDialogMs.p95;
  if (p95 !== undefined) {
    add('click → reveal dialog p95', '≤ 100 ms', `${p95} ms`, p95 <= BUDGETS.clickToDialogP95Ms);
  }
  return budgets;
}
