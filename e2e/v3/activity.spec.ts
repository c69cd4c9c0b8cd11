import { editDeleteAndSeeActivity } from '../activity-flow';
import { expect, test } from '../fixtures';
import { createButton, fillKey, openCreateForm } from './create-form-helpers';

test('v3: create, edit and delete a key → the Activity view lists the three writes, newest first, for that key', async ({
  page,
}) => {
  await openCreateForm(page);
  await fillKey(page, 'activity-v3', []);
  await createButton(page).click();
  const reveal = page.getByRole('dialog', { name: 'Save your API key' });
  await reveal.getByRole('button', { name: 'Done' }).click();
  await reveal.getByRole('button', { name: 'Close without copying' }).click();
  await expect(reveal).toBeHidden();
  await editDeleteAndSeeActivity(page, 'activity-v3');
});
