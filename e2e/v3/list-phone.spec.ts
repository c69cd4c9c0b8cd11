import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

const keysTable = (page: Page) => page.getByRole('table', { name: 'API keys' });
const rowOf = (page: Page, name: string) =>
  keysTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name, exact: true }) });

for (const width of [360, 375, 390]) {
  test(`at ${width} px the sort bar is one line and each card names its deployments`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/');
    await expect(rowOf(page, 'mobile-app-prod')).toBeVisible();
    const bar = keysTable(page).locator('thead tr');
    // "Sort by", Name, Expires, Created: on one line when every one's box spans the same middle.
    const boxes = await bar
      .locator('th:visible')
      .evaluateAll((cells) =>
        cells.map((cell) => [
          cell.getBoundingClientRect().top,
          cell.getBoundingClientRect().bottom,
        ]),
      );
    expect(boxes).toHaveLength(4);
    const middle = ((boxes[0]?.[0] ?? 0) + (boxes[0]?.[1] ?? 0)) / 2;
    for (const [top = 0, bottom = 0] of boxes) {
      expect(top <= middle && middle <= bottom, `sort bar cells at ${JSON.stringify(boxes)}`).toBe(
        true,
      );
    }

    // What a key unlocks is read off the card, with nothing to open.
    const card = rowOf(page, 'mobile-app-prod');
    await expect(card.getByText('llama-3-8b-chat', { exact: true })).toBeVisible();
    await expect(card.getByText('mistral-7b-instruct', { exact: true })).toBeVisible();
    await expect(rowOf(page, 'old-demo').getByText('None', { exact: true })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
  });
}
