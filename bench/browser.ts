import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, PREVIEW_URL } from './config.ts';

const PROBE = fileURLToPath(new URL('./page-probes.js', import.meta.url));

/** The stamps page-probes.js records, in the page's performance.now() milliseconds. */
export type Stamps = {
  formReadyAt: number | null;
  listPaintedAt: number | null;
  clickAt: number | null;
  createSentAt: number | null;
  createAnsweredAt: number | null;
  dialogPaintedAt: number | null;
  sizeChangeAt: number | null;
  rowsPaintedAt: number | null;
  filterInputAt: number | null;
  filterUrlAt: number | null;
  filterPaintedAt: number | null;
};

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
): Promise<T> {
  const context = await browser.newContext();
  try {
    for (const path of [PROBE, ...extraProbes]) await context.addInitScript({ path });
    const page = await context.newPage();
    await page.goto(`${PREVIEW_URL}/`);
    return await run(page);
  } finally {
    await context.close();
  }
}

/**
 * `warmupRuns + runs` first visits in one Chromium, each through `withProbedPage`. The warm-up
 * visits only warm Chromium, V8 and the servers: their samples are dropped.
 */
export async function sampleVisits<T>(
  runs: number,
  warmupRuns: number,
  visit: (page: Page, index: number) => Promise<T>,
): Promise<T[]> {
  const browser = await launchChromium();
  try {
    const samples: T[] = [];
    for (let i = 0; i < warmupRuns + runs; i += 1) {
      const sample = await withProbedPage(browser, (page) => visit(page, i));
      if (i >= warmupRuns) samples.push(sample);
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
export async function waitForStamp(page: Page, name: keyof Stamps): Promise<void> {
  await page.waitForFunction(
    (stamp) => (window as Window & { __bench?: Stamps }).__bench?.[stamp] != null,
    name,
    { timeout: 30_000 },
  );
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
