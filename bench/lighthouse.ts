import { setTimeout as sleep } from 'node:timers/promises';
import { launch } from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Result } from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, PORTS, TARGETS, type Target } from './config.ts';
import { DARK_SCHEME_FLAGS, prefersDark } from './dark-scheme.ts';

export type LighthouseRun = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Audits that cost points (score below 1, weight above 0), to say what to fix. */
  failing: string[];
};

type Preset = { config: Config | undefined; flags: readonly string[] };
const PRESETS = {
  // Lighthouse's default config is the mobile preset: a mid-range phone on slow 4G, simulated.
  mobile: { config: undefined, flags: [] },
  // The same phone set to a dark theme: the page's other palette, its own contrast audits.
  'mobile-dark': { config: undefined, flags: DARK_SCHEME_FLAGS },
  desktop: { config: desktopConfig, flags: [] },
} as const satisfies Record<string, Preset>;

export type LighthouseMedian = LighthouseRun & { runs: number[] };
export type LighthouseResult = Record<keyof typeof PRESETS, Record<Target, LighthouseMedian>>;

/**
 * Mobile (light, then dark) and desktop, each `runs` times for the app and for the floor in
 * turns, each run in a fresh Chromium; per page, the median run by performance.
 */
export async function measureLighthouse(runs: number): Promise<LighthouseResult> {
  if (!(await prefersDark(TARGETS.app, DARK_SCHEME_FLAGS))) {
    throw new Error(`Chromium ignored ${DARK_SCHEME_FLAGS.join(' ')}: no dark theme to measure.`);
  }
  const result: Partial<LighthouseResult> = {};
  for (const preset of ['mobile', 'mobile-dark', 'desktop'] as const) {
    const all: Record<Target, LighthouseRun[]> = { app: [], floor: [] };
    for (let i = 0; i < runs; i += 1) {
      for (const target of ['app', 'floor'] as const) {
        all[target].push(await runOnce(TARGETS[target], PRESETS[preset]));
      }
    }
    result[preset] = { app: median(all.app), floor: median(all.floor) };
  }
  return result as LighthouseResult;
}

function median(all: LighthouseRun[]): LighthouseMedian {
  const sorted = [...all].sort((a, b) => a.performance - b.performance);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!middle) throw new Error('Lighthouse produced no run.');
  return { ...middle, runs: all.map((run) => run.performance) };
}

async function runOnce(url: string, { config, flags }: Preset): Promise<LighthouseRun> {
  const chrome = await launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless', ...CHROMIUM_FLAGS, ...flags],
    port: PORTS.chromeDebugging,
    logLevel: 'silent',
  });
  try {
    const runner = await lighthouse(
      url,
      {
        port: chrome.port,
        logLevel: 'error',
        output: 'json',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
      },
      config,
    );
    if (!runner) throw new Error('Lighthouse returned no result.');
    return summarize(runner.lhr);
  } finally {
    await chrome.kill();
    await portClosed(chrome.port);
  }
}

/**
 * chrome-launcher reuses whatever answers on its port, and a killed Chromium keeps answering
 * for a moment: the next run must not attach to the one shutting down.
 */
async function portClosed(port: number): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    try {
      await (await fetch(`http://127.0.0.1:${port}/json/version`)).arrayBuffer();
    } catch {
      return;
    }
    await sleep(50);
  }
}

function summarize(lhr: Result): LighthouseRun {
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const failing = Object.values(lhr.categories).flatMap((category) =>
    category.auditRefs
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${category.id}/${ref.id}`),
  );
  if (lhr.runtimeError) failing.push(`runtime-error/${lhr.runtimeError.code}`);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    fcpMs: Math.round(value('first-contentful-paint')),
    lcpMs: Math.round(value('largest-contentful-paint')),
    tbtMs: Math.round(value('total-blocking-time')),
    cls: Math.round(value('cumulative-layout-shift') * 1000) / 1000,
    failing,
  };
}
