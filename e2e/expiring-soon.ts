import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { expectNothingMoves } from './layout-still';
import { createButton, fillKey, openCreateForm } from './v3/create-form-helpers';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Creates a key expiring in 3 days through the form, then checks the header: "1 expiring soon",
 * which filters the list to that key and, pressed again, brings the others back.
 */
export async function expectExpiringSoonFilter(page: Page, keyName: string): Promise<void> {
  await openCreateForm(page);
  await fillKey(page, keyName, []);
  await page.getByRole('combobox', { name: 'Expiration' }).selectOption('custom');
  // The field takes the browser's local time.
  const inThreeDays = await page.evaluate((ms) => {
    const at = new Date(Date.now() + ms);
    const two = (n: number) => String(n).padStart(2, '0');
    return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T${two(at.getHours())}:${two(at.getMinutes())}`;
  }, 3 * DAY_MS);
  await page.getByLabel('Expiration date and time').fill(inThreeDays);
  await createButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Save your API key' });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await dialog.getByRole('button', { name: 'Close without copying' }).click();
  await expect(dialog).toBeHidden();

  const table = page.getByRole('table', { name: 'API keys' });
  const names = table.locator('tbody tr td:first-child button');
  await expect(names.filter({ hasText: keyName })).toBeVisible();
  await expect(names.filter({ hasText: 'old-demo' })).toBeVisible();
  const count = page.getByRole('banner').getByRole('button', { name: '1 expiring soon' });
  await expect(count).toBeVisible();

  await count.click();
  await expect(count).toHaveAttribute('aria-pressed', 'true');
  await expect(names).toHaveText([keyName]);
  expect(new URL(page.url()).searchParams.get('expiring')).toBe('1');

  await count.click();
  await expect(count).toHaveAttribute('aria-pressed', 'false');
  await expect(names.filter({ hasText: 'old-demo' })).toBeVisible();

  // Its coming and going moves nothing else in the header: project 2 has no key expiring soon.
  const banner = page.getByRole('banner');
  const project = banner.getByRole('combobox', { name: 'Project' });
  await expectNothingMoves([project, banner.getByRole('group', { name: 'Theme' })], async () => {
    await project.selectOption('2');
    await expect(count).toBeHidden();
  });
}
