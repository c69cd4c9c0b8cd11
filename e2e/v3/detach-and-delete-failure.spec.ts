import { expect, test } from '../fixtures';
import { openRowAction, rowOf } from './manage-row-action';

const KEY = 'mobile-app-prod'; // seeded on llama-3-8b-chat and mistral-7b-instruct
const LANDS = { timeout: 15_000 };

test('a Detach and delete whose DELETE is refused after the dialog closed: a toast and the row mark, Retry deleting deletes it', async ({
  page,
  sandbox,
}) => {
  // Held 3 s, then refused: the dialog is closed while the DELETE is on its way. A refusal, not
  // a 5xx: the server's job retries those by itself until it gives up, minutes later.
  await sandbox.fault({
    method: 'DELETE',
    path: `/cloud/v3/inference/1/api_keys/${KEY}`,
    delayMs: 3_000,
    status: 403,
    body: {
      exception_class: 'PermissionDenied',
      message: 'Deleting keys is paused for this project.',
      request_id: 'rq-e2e',
    },
  });
  await page.goto('/');
  await openRowAction(page, KEY, 'Delete');
  const dialog = page.getByRole('dialog', { name: 'Delete API key' });
  await dialog.getByRole('textbox', { name: 'Type the key name to confirm' }).fill(KEY);
  await dialog
    .getByRole('textbox', { name: 'Type mistral-7b-instruct to confirm' })
    .fill('mistral-7b-instruct');
  await dialog.getByRole('button', { name: 'Detach and delete' }).click();
  await expect(dialog.getByRole('status')).toContainText(`Deleting the key ${KEY}…`, LANDS);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  const row = rowOf(page, KEY);
  await expect(row).toContainText('deleting…');

  const toast = page.getByRole('alert').filter({ hasText: `Deleting ${KEY} failed` });
  await expect(toast).toContainText('Deleting keys is paused for this project.', LANDS);
  await expect(toast).toContainText(`${KEY} may still exist`);
  await expect(row).toContainText('deleting failed');
  await expect(row).not.toContainText('deleting…');

  await toast.getByRole('button', { name: `Retry deleting ${KEY}` }).click();
  await expect(toast).toBeHidden(LANDS);
  await expect(row).toHaveCount(0);
  await expect(page.locator(':focus')).toHaveCount(1);
});
