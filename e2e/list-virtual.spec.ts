import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const keysTable = (page: Page) => page.getByRole('table', { name: 'API keys' });
/** The key rows in the DOM: the header row and the spacers (hidden) left out. */
const keyRows = (page: Page) => keysTable(page).locator('tbody').getByRole('row');
const rowAt = (page: Page, rowIndex: number) =>
  keysTable(page).locator(`tbody tr[aria-rowindex="${rowIndex}"]`);

/** The row's one tab stop, its name. */
const nameIn = (row: ReturnType<typeof rowAt>) => row.locator('td:first-child [data-row-stop]');

/** A page of 1000 keys: the seed's own and enough generated ones to fill it. */
async function openPageOf1000(page: Page) {
  await page.goto('/?size=1000');
  await expect(keysTable(page)).toHaveAttribute('aria-rowcount', '1001');
  await expect(rowAt(page, 2)).toBeVisible();
  // The scrollbar says 1000 rows (at least 30 px each) before anyone reaches for it.
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollHeight))
    .toBeGreaterThan(30_000);
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test.describe(`${viewport.width} × ${viewport.height}`, () => {
    test.use({ viewport });

    test('a page of 1000 keys renders the rows in view, and End brings the last one, reachable', async ({
      page,
      sandbox,
    }) => {
      await sandbox.reset(1000);
      await openPageOf1000(page);
      expect(await keyRows(page).count()).toBeLessThan(100);

      // The page scrolls, not a box: End on the page goes to the bottom, as on any page.
      const last = rowAt(page, 1001);
      // One press: rows measured as they arrive (a phone's cards differ from the guess) move the
      // bottom, and the list follows it.
      await page.keyboard.press('End');
      await expect(last).toBeInViewport();
      expect(await keyRows(page).count()).toBeLessThan(100);

      const name = nameIn(last);
      const lastName = (await name.textContent()) ?? '';
      await name.click();
      const details = page.getByRole('dialog', { name: 'API key details' });
      await expect(details.getByText(lastName, { exact: true }).first()).toBeVisible();
    });
  });
}

test('Tab walks row after row past the ones first rendered, each scrolled into view', async ({
  page,
  sandbox,
}) => {
  await sandbox.reset(1000);
  await openPageOf1000(page);
  const firstRendered = await keyRows(page).count();

  await nameIn(rowAt(page, 2)).focus();
  for (let step = 0; step < firstRendered + 10; step += 1) await page.keyboard.press('Tab');

  const reached = rowAt(page, 2 + firstRendered + 10);
  await expect(nameIn(reached)).toBeFocused();
  await expect(reached).toBeInViewport();

  // Scrolled far away, the row holding focus is still there, still focused.
  await page.mouse.wheel(0, 100_000);
  await expect(rowAt(page, 1001)).toBeInViewport();
  await expect(nameIn(reached)).toBeFocused();
});
