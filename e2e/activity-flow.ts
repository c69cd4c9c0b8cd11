import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { openRowAction, rowOf } from './v3/manage-row-action';

const activityRows = (page: Page) =>
  page.getByRole('table', { name: /Writes through the dashboard/ }).getByRole('row');

/**
 * After `create` made the key `name` through the UI: edit it, open "Activity for this key" from
 * its details, delete it, and come back to that filtered view. Both generations speak it: the
 * link carries the key's name and its id, however its generation addresses it.
 */
export async function editDeleteAndSeeActivity(page: Page, name: string): Promise<void> {
  await openRowAction(page, name, 'Edit');
  const edit = page.getByRole('dialog', { name: 'Edit API key' });
  await edit.getByRole('textbox', { name: 'Description' }).fill('seen in the activity');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();

  await openRowAction(page, name, 'Details');
  const details = page.getByRole('dialog', { name: 'API key details' });
  await details.getByRole('button', { name: 'Activity for this key' }).click();
  await expect(page.getByRole('heading', { name: /^Activity/ })).toBeFocused();
  await expect(activityRows(page).nth(1)).toContainText('updated');
  const filtered = page.url();

  await page.getByRole('button', { name: 'Back to the keys' }).click();
  await openRowAction(page, name, 'Delete');
  const remove = page.getByRole('dialog').filter({ hasText: name });
  const confirmName = remove.getByRole('textbox', { name: 'Type the key name to confirm' });
  if (await confirmName.isVisible()) await confirmName.fill(name);
  await remove.getByRole('button', { name: 'Delete key' }).click();
  await expect(rowOf(page, name)).toHaveCount(0);

  // Reload the filtered view: the URL keeps it.
  await page.goto(filtered);
  const rows = activityRows(page);
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText('deleted');
  await expect(rows.nth(2)).toContainText('updated');
  await expect(rows.nth(3)).toContainText('created key');
  await expect(page.getByRole('searchbox', { name: 'Key name or ID' })).toHaveValue(name);

  // Every key again, from the header: this key's writes are among them.
  await page.getByRole('button', { name: 'Activity' }).click();
  await expect(page.getByRole('searchbox', { name: 'Key name or ID' })).toHaveValue('');
  await expect(activityRows(page).filter({ hasText: name }).first()).toBeVisible();
}
