import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const keysTable = (page: Page) => page.getByRole('table', { name: 'API keys' });
const rowOf = (page: Page, name: string) =>
  keysTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name, exact: true }) });

/** How far the list's scroll box and the page scroll sideways: 0 when everything fits. */
const sidewaysOverflow = (page: Page) =>
  keysTable(page).evaluate((table) => {
    const box = table.parentElement as HTMLElement;
    const root = document.documentElement;
    return { list: box.scrollWidth - box.clientWidth, page: root.scrollWidth - root.clientWidth };
  });

async function expectInsideViewport(page: Page, element: Locator) {
  const box = await element.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error('no box or viewport');
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}

const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

for (const viewport of SIZES) {
  test.describe(`${viewport.width} × ${viewport.height}`, () => {
    test.use({ viewport });

    test('the list fits with no sideways scroll, and every row action is in a menu on screen', async ({
      page,
      sandbox,
    }) => {
      // Enough rows that the last ones sit at the bottom edge, where the menu has to flip up.
      await sandbox.reset(22);
      await page.goto('/');
      await expect(rowOf(page, 'ci-pipeline')).toBeVisible();
      expect(await sidewaysOverflow(page)).toEqual({ list: 0, page: 0 });

      const menuButtons = keysTable(page).getByRole('button', { name: /^Actions for / });
      const count = await menuButtons.count();
      expect(count).toBe(25);
      for (const index of [0, 12, count - 1]) {
        const button = menuButtons.nth(index);
        await button.scrollIntoViewIfNeeded();
        await button.click();
        const menu = page.getByRole('menu');
        await expect(menu.getByRole('menuitem')).toHaveText([
          'Details',
          'Edit',
          'Rotate',
          'Delete',
        ]);
        await expect(menu.getByRole('menuitem', { name: 'Details' })).toBeFocused();
        await expectInsideViewport(page, menu);
        await page.keyboard.press('Escape');
        await expect(menu).toBeHidden();
        await expect(button).toBeFocused();
      }
      // The very bottom of the page: the last row's menu flips up rather than leaving the screen.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const last = menuButtons.nth(count - 1);
      await last.click();
      await expectInsideViewport(page, page.getByRole('menu'));
    });

    test('the menu and the deployments work by keyboard alone, one tab stop per row', async ({
      page,
    }) => {
      await page.goto('/');
      const row = rowOf(page, 'mobile-app-prod');
      // What the key unlocks is on the row itself, with nothing to open.
      await expect(row.getByText('mistral-7b-instruct', { exact: true })).toBeVisible();
      await expect(row.getByText('llama-3-8b-chat', { exact: true })).toBeVisible();
      await row.getByRole('button', { name: 'mobile-app-prod', exact: true }).focus();
      await page.keyboard.press('ArrowRight');
      await expect(row.locator('time').first()).toBeFocused();
      await page.keyboard.press('End');
      await expect(row.getByRole('button', { name: 'Actions for mobile-app-prod' })).toBeFocused();
      await page.keyboard.press('Enter');
      await page.keyboard.press('ArrowDown');
      await expect(page.getByRole('menuitem', { name: 'Edit' })).toBeFocused();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Edit API key' });
      await expect(dialog).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(row.getByRole('button', { name: 'Actions for mobile-app-prod' })).toBeFocused();
      // Tab leaves the row for the next row's one stop, its name.
      await page.keyboard.press('Tab');
      await expect(page.locator(':focus')).toHaveAttribute('data-row-stop', '');
      await expect(row.locator(':focus')).toHaveCount(0);
    });

    test('after a delete, focus lands on the next row, and on the previous one at the end', async ({
      page,
    }) => {
      await page.goto('/');
      await expect(rowOf(page, 'old-demo')).toBeVisible();
      const names = await keysTable(page)
        .locator('tbody tr td:first-child button')
        .allTextContents();
      const deleteByKeyboard = async (name: string) => {
        await rowOf(page, name)
          .getByRole('button', { name: `Actions for ${name}` })
          .focus();
        await page.keyboard.press('ArrowUp');
        await expect(page.getByRole('menuitem', { name: 'Delete' })).toBeFocused();
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog', { name: 'Delete API key' });
        const confirm = dialog.getByRole('textbox', { name: 'Type the key name to confirm' });
        await expect(dialog.getByRole('button', { name: 'Delete key' })).toBeVisible();
        if (await confirm.count()) await confirm.fill(name);
        // Deleting a deployment's last key asks for that deployment's name too.
        for (const deployment of ['llama-3-8b-chat', 'mistral-7b-instruct']) {
          const box = dialog.getByRole('textbox', { name: `Type ${deployment} to confirm` });
          if (await box.count()) await box.fill(deployment);
        }
        await dialog.getByRole('button', { name: 'Delete key' }).click();
        await expect(dialog).toBeHidden();
        await expect(rowOf(page, name)).toHaveCount(0);
        await expect(
          page.getByRole('status').filter({ hasText: `Deleted “${name}”.` }),
        ).toBeVisible();
      };
      const [first, second, third] = names;
      if (!first || !second || !third) throw new Error(`three seeded keys expected: ${names}`);
      await deleteByKeyboard(first);
      await expect(rowOf(page, second)).toBeFocused();
      await deleteByKeyboard(third);
      await expect(rowOf(page, second)).toBeFocused();
      await deleteByKeyboard(second);
      await expect(page.getByRole('heading', { name: 'API keys', exact: true })).toBeFocused();
      await expect(page.getByText('No API keys in this project yet')).toBeVisible();
    });
  });
}

test.describe('390 × 844 cards', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('each key is a card as wide as the list, its facts stacked and its menu beside the name', async ({
    page,
  }) => {
    await page.goto('/');
    const row = rowOf(page, 'ci-pipeline');
    await expect(row).toBeVisible();
    expect(await row.evaluate((element) => getComputedStyle(element).display)).toBe('grid');
    const card = await row.boundingBox();
    const list = await keysTable(page).boundingBox();
    const name = await row.getByRole('button', { name: 'ci-pipeline', exact: true }).boundingBox();
    const menu = await row.getByRole('button', { name: 'Actions for ci-pipeline' }).boundingBox();
    const created = await row.getByText('Created:').boundingBox();
    if (!card || !list || !name || !menu || !created) throw new Error('missing boxes');
    expect(card.width).toBeGreaterThan(list.width - 2);
    expect(Math.abs(menu.y - name.y)).toBeLessThan(menu.height);
    expect(menu.x).toBeGreaterThan(name.x + name.width);
    expect(created.y).toBeGreaterThan(name.y + name.height);
    // The sort controls stay, as a bar above the cards.
    await expect(page.getByRole('button', { name: 'Created', exact: true })).toBeVisible();
  });
});

test.describe('1280 × 800 rows', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('a row with no description is about 40 px tall', async ({ page }) => {
    await page.goto('/');
    const box = await rowOf(page, 'mobile-app-prod').boundingBox();
    expect(box?.height).toBeLessThanOrEqual(44);
  });
});
