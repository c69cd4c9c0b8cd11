import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { armTaskError, openRowAction, rowOf } from './manage-row-action';

const LANDS = { timeout: 15_000 };

/** mobile-app-prod serves llama-3-8b-chat and mistral-7b-instruct (the latter's only key). */
async function confirmDetachAndDelete(page: Page) {
  await page.goto('/');
  await openRowAction(page, 'mobile-app-prod', 'Delete');
  const dialog = page.getByRole('dialog', { name: 'Delete API key' });
  await expect(dialog.getByText('llama-3-8b-chat: still attached')).toBeVisible();
  await expect(dialog.getByText('mistral-7b-instruct: still attached')).toBeVisible();
  const go = dialog.getByRole('button', { name: 'Detach and delete' });
  await dialog
    .getByRole('textbox', { name: 'Type the key name to confirm' })
    .fill('mobile-app-prod');
  await expect(go).toBeDisabled();
  await expect(
    dialog.getByRole('group', { name: 'This deployment will accept requests without any key' }),
  ).toBeVisible();
  await dialog
    .getByRole('textbox', { name: 'Type mistral-7b-instruct to confirm' })
    .fill('mistral-7b-instruct');
  await go.click();
  return dialog;
}

test('detach and delete a key bound to two deployments: the list no longer shows it', async ({
  page,
  sandbox,
}) => {
  const dialog = await confirmDetachAndDelete(page);
  await expect(dialog.getByText(/Detaching from llama-3-8b-chat \(1 of 2\)/)).toBeVisible();
  await expect(dialog).toBeHidden(LANDS);
  await expect(rowOf(page, 'mobile-app-prod')).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: 'Deleted “mobile-app-prod”.' }),
  ).toBeVisible();
  const calls = (await sandbox.requests()).filter((c) => c.method !== 'GET');
  expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
    'PATCH /cloud/v3/inference/1/deployments/llama-3-8b-chat',
    'PATCH /cloud/v3/inference/1/deployments/mistral-7b-instruct',
    'DELETE /cloud/v3/inference/1/api_keys/mobile-app-prod',
  ]);
});

test('a failed detach stops the run with the key kept, and Retry finishes it', async ({
  page,
  sandbox,
}, testInfo) => {
  const port = Number(testInfo.project.metadata.sandboxPort);
  await armTaskError(page, port, { deployment: 'mistral-7b-instruct', error: 'GPU quota' });
  const dialog = await confirmDetachAndDelete(page);
  // The server's job names the task it polled, so support can find it.
  await expect(dialog.getByRole('alert')).toContainText(
    /The API's task \S+ failed: GPU quota/,
    LANDS,
  );
  await expect(dialog.getByRole('status')).toContainText(
    'Stopped: detached from 1 of 2 deployments. The key mobile-app-prod still exists.',
  );
  await expect(dialog.getByText('llama-3-8b-chat: detached')).toBeVisible();
  await expect(dialog.getByText('mistral-7b-instruct: not detached (failed)')).toBeVisible();
  expect(await sandbox.requests({ method: 'DELETE' })).toHaveLength(0);

  await dialog.getByRole('button', { name: 'Retry detach and delete' }).click();
  await expect(dialog).toBeHidden(LANDS);
  await expect(rowOf(page, 'mobile-app-prod')).toHaveCount(0);
  expect(await sandbox.requests({ method: 'DELETE' })).toHaveLength(1);
});
