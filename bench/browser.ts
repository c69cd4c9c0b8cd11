import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, TARGETS, type Target } from './config.ts';

const PROBE = fileURLToPath(new URL('./page-probes.js', import.meta.url));

/** The stamps page-probes.js records, in the page's performance.now() milliseconds. */
export type Stamps = {
  formReadyAt: number | null;
  /** The click on a "Create API key" button that is not the form's submit (it opens a sheet). */
  openerClickAt: number | null;
  listPaintedAt: number | null;
  clickAt: number | null;
  createSentAt: number | null;
  createAnsweredAt: number | null;
  dialogPaintedAt: number | null;
  /** The path the create call went to: app and floor must make the same call. */
  createPath: string | null;
  sizeChangeAt: number | null;
  rowsPaintedAt: number | null;
  filterInputAt: number | null;
  filterUrlAt: number | null;
  filterPaintedAt: number | null;
};

/** The stamps that are times. */
export type TimeStamp = Exclude<keyof Stamps, 'createPath'>;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

/**
 * A fresh context per run: a first visit each time (nothing cached), with the probe installed
 * before the app's own scripts.
 */
export async function withProbedPage<T>(
  browser: Browser,
  run: (page: Page) => Promise<T>,
  extraProbes: string[] = [],
  target: Target = 'app',
  search = '',
): Promise<T> {
  return withProbedUrl(browser, `${TARGETS[target]}${search}`, run, extraProbes);
}

/** The same, for a page at any URL (the production server's, say). */
export async function withProbedUrl<T>(
  browser: Browser,
  url: string,
  run: (page: Page) => Promise<T>,
  extraProbes: string[] = [],
): Promise<T> {
  const context = await browser.newContext();
  try {
    for (const path of [PROBE, ...extraProbes]) await context.addInitScript({ path });
    const page = await context.newPage();
    await page.goto(url);
    return await run(page);
  } finally {
    await context.close();
  }
}

export type Paired<T> = Record<Target, T[]>;

/**
 * `warmupRuns + runs` pairs of first visits in one Chromium, app then floor, each through
 * `withProbedPage`: whatever slows the machine during the run hits both alike. The warm-up pairs
 * only warm Chromium, V8 and the servers: their samples are dropped.
 */
export async function samplePairs<T>(
  runs: number,
  warmupRuns: number,
  visit: (page: Page, target: Target, index: number) => Promise<T>,
  /** The floor's query string, e.g. `?sheet` to put its form in a dialog as the app's. */
  floorSearch: string | ((browser: Browser) => Promise<string>) = '',
): Promise<Paired<T>> {
  const browser = await launchChromium();
  try {
    const search = typeof floorSearch === 'string' ? floorSearch : await floorSearch(browser);
    const samples: Paired<T> = { app: [], floor: [] };
    for (let i = 0; i < warmupRuns + runs; i += 1) {
      for (const target of ['app', 'floor'] as const) {
        const sample = await withProbedPage(
          browser,
          (page) => visit(page, target, i),
          [],
          target,
          target === 'floor' ? search : '',
        );
        if (i >= warmupRuns) samples[target].push(sample);
      }
    }
    return samples;
  } finally {
    await browser.close();
  }
}

/**
 * An inline arrow with no name of its own: tsx wraps named functions in a helper the page does
 * not have. A string predicate would need eval, which the app's CSP forbids.
 */
export async function waitForStamp(page: Page, name: TimeStamp, timeout = 30_000): Promise<void> {
  try {
    await page.waitForFunction(
      (stamp) => (window as Window & { __bench?: Stamps }).__bench?.[stamp] != null,
      name,
      { timeout },
    );
  } catch (error) {
    // The probe finds the page by its labels and texts: a renamed one is the likely cause.
    throw new Error(
      `${page.url()} never reached "${name}" within ${timeout / 1000} s: check that the page still has what ` +
        `bench/page-probes.js looks for (labels, legend, dialog heading, table rows).`,
      { cause: error },
    );
  }
}

/** Strings go through CDP's evaluate, which the page's CSP does not govern. */
export async function readStamps(page: Page): Promise<Stamps> {
  return (await page.evaluate('({ ...window.__bench })')) as Stamps;
}

export async function callProbe(page: Page, call: string): Promise<void> {
  await page.evaluate(`window.__bench.${call}`);
}

/** b − a, when both were stamped. */
export function elapsed(a: number | null, b: number | null): number {
  if (a === null || b === null) throw new Error('A stamp is missing.');
  return b - a;
}
