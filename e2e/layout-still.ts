import type { Locator } from '@playwright/test';
import { expect } from './fixtures';

/** Where the target sits on screen now. */
async function placeOf(target: Locator) {
  const box = await target.boundingBox();
  if (!box) throw new Error('the target is not on screen');
  return { x: Math.round(box.x), y: Math.round(box.y) };
}

/**
 * Runs `change` (which makes a message appear, and waits until the user sees it) and asserts that
 * none of `targets` moved: a pointer pressed on one of them would still be over it.
 */
export async function expectNothingMoves(
  targets: readonly Locator[],
  change: () => Promise<void>,
): Promise<void> {
  const before = await Promise.all(targets.map(placeOf));
  await change();
  const after = await Promise.all(targets.map(placeOf));
  expect(after).toEqual(before);
}

/** Every button of a footer sits on one row (centred on one line), as a person expects them. */
export async function expectOneRow(buttons: readonly Locator[]): Promise<void> {
  const middles = await Promise.all(
    buttons.map(async (button) => {
      const box = await button.boundingBox();
      if (!box) throw new Error('a button is not on screen');
      return box.y + box.height / 2;
    }),
  );
  expect(
    Math.max(...middles) - Math.min(...middles),
    `middles: ${middles.join(', ')}`,
  ).toBeLessThan(1);
}
