import type { Locator, Page } from '@playwright/test';

/**
 * How long a person holds a press. Input, not a wait for state: a layout shift between the press
 * and the release is exactly what lands the release on another row.
 */
export const HOLD_MS = 120;

async function centreOf(target: Locator) {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error('the target has no box: it is not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A real mouse press on the target's centre: move, down, hold, up where the pointer still is. */
export async function pressWithMouse(page: Page, target: Locator): Promise<void> {
  const { x, y } = await centreOf(target);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.waitForTimeout(HOLD_MS);
  await page.mouse.up();
}

/** A real tap through Chromium's touch input (CDP): touch start, hold, touch end. */
export async function pressWithTouch(page: Page, target: Locator): Promise<void> {
  const { x, y } = await centreOf(target);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    await page.waitForTimeout(HOLD_MS);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } finally {
    await cdp.detach();
  }
}

export type Press = (page: Page, target: Locator) => Promise<void>;
