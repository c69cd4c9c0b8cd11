import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

// The same list on v3 (keys addressed by name, no server sort): it fits, its menu works by
// keyboard and stays on screen, and a delete hands focus to the next row.
const keysTable = (page: Page) => page.getByRole('table', { name: 'API keys' });
const rowOf = (page: Page, name: string) =>
  keysTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name, exact: true }) });

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`at ${viewport.width} × ${viewport.height} the list fits and each menu opens on screen`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    await expect(page.locator('meta[name="gcore-api-version"]')).toHaveAttribute('content', 'v3');
    await expect(rowOf(page, 'old-demo')).toBeVisible();
    const overflow = await keysTable(page).evaluate((table) => {
      const box = table.parentElement as HTMLElement;
      const root = document.documentElement;
      return [box.scrollWidth - box.clientWidth, root.scrollWidth - root.clientWidth];
    });
    expect(overflow).toEqual([0, 0]);
    const buttons = keysTable(page).getByRole('button', { name: /^Actions for / });
    for (let index = 0; index < (await buttons.count()); index += 1) {
      await buttons.nth(index).focus();
      await page.keyboard.press('Enter');
      const menu = page.getByRole('menu');
      await expect(menu.getByRole('menuitem', { name: 'Details' })).toBeFocused();
      const box = await menu.boundingBox();
      expect(box && box.x >= 0 && box.y >= 0).toBe(true);
      expect(box && box.x + box.width <= viewport.width).toBe(true);
      expect(box && box.y + box.height <= viewport.height).toBe(true);
      await page.keyboard.press('Escape');
      await expect(buttons.nth(index)).toBeFocused();
    }
  });
}

test('deleting an unbound key by keyboard moves focus to the next row', async ({ page }) => {
  await page.goto('/');
  await expect(rowOf(page, 'old-demo')).toBeVisible();
  const names = await keysTable(page).locator('tbody tr td:first-child button').allTextContents();
  const at = names.indexOf('old-demo');
  const expected = names[at + 1] ?? names[at - 1];
  await rowOf(page, 'old-demo').getByRole('button', { name: 'Actions for old-demo' }).focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('menuitem', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Delete API key' });
  await dialog.getByRole('button', { name: 'Delete key' }).click();
  await expect(dialog).toBeHidden();
  await expect(rowOf(page, 'old-demo')).toHaveCount(0);
  if (!expected) throw new Error('old-demo was the only key');
  await expect(rowOf(page, expected)).toBeFocused();
});
