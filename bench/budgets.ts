import type { Budget, Results } from './results.ts';
import { checkServerBudgets } from './server-budgets.ts';
import type { Comparison } from './stats.ts';

/**
 * Targets to reach, printed next to the figures; they never fail the run. Timings are judged as
 * app ÷ floor from the same run, scores against the floor's, sizes in bytes: none of these moves
 * with the machine's speed.
 */
export const BUDGETS = {
  firstLoadJsGzipBytes: 100_000,
  /** Points the app's mobile performance score may be below the floor's. */
  lighthouseMobilePerformanceBelowFloor: 2,
  lighthouseAccessibility: 100,
  lighthouseBestPractices: 100,
  /** Every timing the user waits on, app ÷ floor, median and p95 alike. */
  floorRatio: 1.5,
} as const;

const kB = (bytes: number) => (bytes / 1000).toFixed(1);
const ratioText = (c: Comparison, stat: 'median' | 'p95') =>
  `${c.ratio[stat].toFixed(2)}× (${c.app[stat]} ÷ ${c.floor[stat]} ms)`;

/** Budgets are targets: the run reports them and never fails because of them. */
export function checkBudgets(r: Omit<Results, 'budgets'>): Budget[] {
  const budgets: Budget[] = [];
  const add = (name: string, target: string, actual: string, met: boolean) =>
    budgets.push({ name, target, actual, met });
  const js = r.bundle.firstLoad.js.gzip;
  add('first-load JS (gzip)', '≤ 100 kB', `${kB(js)} kB`, js <= BUDGETS.firstLoadJsGzipBytes);
  for (const [preset, theme] of [
    ['mobile', ''],
    ['mobile-dark', ' dark'],
  ] as const) {
    const pages = r.lighthouse?.[preset];
    if (!pages) continue;
    const { app, floor } = pages;
    const below = BUDGETS.lighthouseMobilePerformanceBelowFloor;
    add(
      `Lighthouse mobile${theme} performance`,
      `≥ floor − ${below}`,
      `${app.performance} (floor ${floor.performance})`,
      app.performance >= floor.performance - below,
    );
    add(
      `Lighthouse mobile${theme} accessibility`,
      `${BUDGETS.lighthouseAccessibility}`,
      `${app.accessibility}`,
      app.accessibility >= BUDGETS.lighthouseAccessibility,
    );
    add(
      `Lighthouse mobile${theme} best practices`,
      `${BUDGETS.lighthouseBestPractices}`,
      `${app.bestPractices}`,
      app.bestPractices >= BUDGETS.lighthouseBestPractices,
    );
  }
  const limit = BUDGETS.floorRatio;
  for (const [name, timing] of timingsWithBudgets(r)) {
    if (!timing) continue;
    for (const stat of ['median', 'p95'] as const) {
      const met = timing.ratio[stat] <= limit;
      add(`${name}, ${stat}`, `≤ ${limit}× floor`, ratioText(timing, stat), met);
    }
  }
  budgets.push(...checkServerBudgets(r));
  return budgets;
}

/** The waits a user feels, each judged against the floor on its median and its p95. */
function timingsWithBudgets(r: Omit<Results, 'budgets'>): [string, Comparison | undefined][] {
  return [
    ['navigation → list painted', r.interaction?.navigationToListMs],
    ['click → reveal painted', r.interaction?.clickToDialogMs],
    ['answer → reveal painted', r.interaction?.clickToDialogParts.afterAnswerMs],
    ['1000 rows per page → painted', r.listRender?.pageOf1000Ms],
    ['filter in the URL → rows', r.listRender?.filterUrlToRowsMs],
    ['10,000 keys: navigation → rows', r.bigList?.navigationToFirstRowsMs],
    ['10,000 keys: filter in the URL → rows', r.bigList?.filterUrlToRowsMs],
  ];
}
