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

const SEED_KEYS = 1000;
/** generated-key-0900 … generated-key-0999. */
const FILTER = 'generated-key-09';
const FILTER_MATCHES = 100;

export type ListRenderResult = {
  seedKeys: number;
  /** "Rows per page" set to 1000 (its change event) → 1000 body rows painted. */
  pageOf1000Ms: Comparison;
  filter: string;
  /** The debounced filter reaching the URL → the 100 matching rows painted. */
  filterUrlToRowsMs: Comparison;
  /** The keystroke (one input event) → rows painted: the above plus the 250 ms debounce. */
  filterInputToRowsMs: Comparison;
};

/**
 * The list with 1000 extra keys: a page of 1000 rows, then a name filter over all of them; app
 * and floor in turns.
 */
export async function measureListRender(runs: number, warmupRuns = 1): Promise<ListRenderResult> {
  await resetPreviewSandbox(SEED_KEYS);
  const samples = await samplePairs(runs, warmupRuns, async (page) => {
    const size = page.getByRole('combobox', { name: 'Rows per page' });
    await size.waitFor();
    await callProbe(page, `armRows(${SEED_KEYS})`);
    await size.selectOption(String(SEED_KEYS));
    await waitForStamp(page, 'rowsPaintedAt');
    await callProbe(page, `armFilter(${JSON.stringify(FILTER)}, ${FILTER_MATCHES})`);
    await page.getByRole('searchbox', { name: 'Filter keys by name' }).fill(FILTER);
    await waitForStamp(page, 'filterPaintedAt');
    return readStamps(page);
  });
  const of = (from: TimeStamp, to: TimeStamp) =>
    compare(
      samples.app.map((stamps) => elapsed(stamps[from], stamps[to])),
      samples.floor.map((stamps) => elapsed(stamps[from], stamps[to])),
    );
  return {
    seedKeys: SEED_KEYS,
    pageOf1000Ms: of('sizeChangeAt', 'rowsPaintedAt'),
    filter: FILTER,
    filterUrlToRowsMs: of('filterUrlAt', 'filterPaintedAt'),
    filterInputToRowsMs: of('filterInputAt', 'filterPaintedAt'),
  };
}
