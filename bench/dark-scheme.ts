import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './config.ts';

/** Chromium's own preference, as a phone set to dark gives it: Lighthouse emulates no theme. */
export const DARK_SCHEME_FLAGS = ['--blink-settings=preferredColorScheme=0'];

/**
 * Whether a Chromium started with `flags` tells `url` that the user prefers dark, checked before
 * Lighthouse is trusted with it: a flag Chromium ignored would score light under a dark label.
 */
export async function prefersDark(url: string, flags: readonly string[]): Promise<boolean> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS, ...flags],
  });
  try {
    // null: no emulation of Playwright's own, so the flag alone decides.
    const page = await browser.newPage({ colorScheme: null });
    await page.goto(url);
    return await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
  } finally {
    await browser.close();
  }
}
