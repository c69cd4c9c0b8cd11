import {
  callProbe,
  elapsed,
  readStamps,
  samplePairs,
  waitForStamp,
  type TimeStamp,
} from './browser.ts';
import { resetPreviewSandbox } from './preview.ts';
import { compare, type Comparison } from './stats.ts';

/** The sandbox's upper bound for generated keys (`POST /__sandbox/reset {seedKeys}`). */
const SEED_KEYS = 10_000;
/** generated-key-0900 … generated-key-0999: 100 matches, of which a first page of 25 shows. */
const FILTER = 'generated-key-09';
const PAGE_SIZE = 25;

export type BigListResult = {
  /** Keys in the project: the generated ones plus the seed's own. */
  seedKeys: number;
  /** Navigation start → the first rows painted: every key fetched (v3 pages by 1000), sorted. */
  navigationToFirstRowsMs: Comparison;
  filter: string;
  /** The filter's one input event → the first page of matches painted (with the debounce). */
  filterInputToRowsMs: Comparison;
  /** The debounced filter reaching the URL → the matches painted: the page's own work. */
  filterUrlToRowsMs: Comparison;
};

/**
 * A v3 project with 10,000 keys. v3 lists have no order and no filter, so the app fetches every
 * key, sorts them and filters in the page; the floor fetches the same keys from the same API with
 * the same calls and does the same, minimally. App and floor in turns, default page size (25).
 */
export async function measureBigList(runs: number, warmupRuns = 1): Promise<BigListResult> {
  await resetPreviewSandbox(SEED_KEYS);
  try {
    const samples = await samplePairs(runs, warmupRuns, async (page) => {
      await waitForStamp(page, 'listPaintedAt', 60_000);
      await callProbe(page, `armFilter(${JSON.stringify(FILTER)}, ${PAGE_SIZE})`);
      await page.getByRole('searchbox', { name: 'Filter keys by name' }).fill(FILTER);
      await waitForStamp(page, 'filterPaintedAt', 60_000);
      return readStamps(page);
    });
    const of = (from: TimeStamp | null, to: TimeStamp) =>
      compare(
        samples.app.map((stamps) => elapsed(from === null ? 0 : stamps[from], stamps[to])),
        samples.floor.map((stamps) => elapsed(from === null ? 0 : stamps[from], stamps[to])),
      );
    return {
      seedKeys: SEED_KEYS,
      navigationToFirstRowsMs: of(null, 'listPaintedAt'),
      filter: FILTER,
      filterInputToRowsMs: of('filterInputAt', 'filterPaintedAt'),
      filterUrlToRowsMs: of('filterUrlAt', 'filterPaintedAt'),
    };
  } finally {
    // 10,000 keys would slow every later step's list.
    await resetPreviewSandbox();
  }
}
