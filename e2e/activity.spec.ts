import { editDeleteAndSeeActivity } from './activity-flow';
import { expect, openCreateSheet, test } from './fixtures';

test('v2: create, edit and delete a key → the Activity view lists the three writes, newest first, for that key', async ({
  page,
}) => {
  await page.goto('/');
  await openCreateSheet(page);
  await page.getByRole('textbox', { name: 'Name' }).fill('activity-v2');
  await page.getByRole('button', { name: 'Create API key' }).click();
  const reveal = page.getByRole('dialog', { name: 'Save your API key' });
  await reveal.getByRole('button', { name: 'Done' }).click();
  await reveal.getByRole('button', { name: 'Close without copying' }).click();
  await expect(reveal).toBeHidden();
  await editDeleteAndSeeActivity(page, 'activity-v2');
});
