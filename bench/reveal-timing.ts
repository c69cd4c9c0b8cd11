import { launchChromium, withProbedUrl } from './browser.ts';
import { createOnce } from './interaction.ts';

export type RevealSample = { dialogMs: number; at: number };

/**
 * The interaction step's click → reveal dialog painted, on the app at `url` (one first visit per
 * run, as there), `runs` times after `warmupRuns` dropped; each sample says when it ended, so the
 * caller can tell which ones ran while something else was going on.
 */
export async function sampleClickToReveal(
  url: string,
  runs: number,
  prefix: string,
  warmupRuns = 1,
): Promise<RevealSample[]> {
  const browser = await launchChromium();
  try {
    const samples: RevealSample[] = [];
    for (let i = 0; i < warmupRuns + runs; i += 1) {
      const sample = await withProbedUrl(browser, url, (page) =>
        createOnce(page, `${prefix}-${i}`, false),
      );
      if (i >= warmupRuns) samples.push({ dialogMs: sample.dialogMs, at: Date.now() });
    }
    return samples;
  } finally {
    await browser.close();
  }
}
