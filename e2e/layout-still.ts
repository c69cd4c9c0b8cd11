import type { Locator } from '@playwright/test';
import { expect } from './fixtures';

type Box = { top: number; left: number; middle: number };

/**
 * Where each target sits, read in one go in the page (one frame): separate reads could straddle a
 * render and compare a box before it with one after it.
 */
async function boxesOf(targets: readonly Locator[]): Promise<Box[]> {
  const first = targets[0];
  if (!first) return [];
  for (const target of targets) await expect(target).toBeVisible();
  const handles = await Promise.all(targets.map((target) => target.elementHandle()));
  return first.page().evaluate(
    (elements) =>
      elements.map((element) => {
        const box = (element as Element).getBoundingClientRect();
        return {
          top: Math.round(box.top),
          left: Math.round(box.left),
          middle: box.top + box.height / 2,
        };
      }),
    handles,
  );
}

/**
 * Runs `change` (which makes a message appear, and waits until the user sees it) and asserts that
 * none of `targets` moved: a pointer pressed on one of them would still be over it.
 */
export async function expectNothingMoves(
  targets: readonly Locator[],
  change: () => Promise<void>,
): Promise<void> {
  const place = (box: Box) => ({ x: box.left, y: box.top });
  const before = (await boxesOf(targets)).map(place);
  await change();
  const after = (await boxesOf(targets)).map(place);
  expect(after).toEqual(before);
}

/** Every button of a footer sits on one row (centred on one line), as a person expects them. */
export async function expectOneRow(buttons: readonly Locator[]): Promise<void> {
  const middles = (await boxesOf(buttons)).map((box) => box.middle);
  expect(
    Math.max(...middles) - Math.min(...middles),
    `middles: ${middles.join(', ')}`,
  ).toBeLessThan(1);
}
