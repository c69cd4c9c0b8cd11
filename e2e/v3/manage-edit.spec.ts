import { expect, test } from '../fixtures';
import { openRowAction, rowOf } from './manage-row-action';

const LANDS = { timeout: 15_000 };

test('edit bindings: attach before detach, with the last-key warning and typed confirmation', async ({
  page,
  sandbox,
}) => {
  await page.goto('/');
  await openRowAction(page, 'mobile-app-prod', 'Edit');
  const dialog = page.getByRole('dialog', { name: 'Edit API key' });
  const save = dialog.getByRole('button', { name: 'Save changes' });
  await dialog.getByRole('checkbox', { name: /^whisper-large-v3/ }).check();
  await dialog.getByRole('checkbox', { name: /^mistral-7b-instruct/ }).uncheck();

  // mobile-app-prod is mistral-7b-instruct's only key: removing it makes the deployment public.
  const warning = dialog.getByRole('group', {
    name: 'This deployment will accept requests without any key',
  });
  await expect(warning).toContainText('mobile-app-prod is the last key of mistral-7b-instruct');
  await dialog.getByRole('checkbox', { name: /callers sending no key will be refused/ }).check();
  await expect(save).toBeDisabled();
  const confirm = warning.getByRole('textbox', { name: 'Type mistral-7b-instruct to confirm' });
  await confirm.fill('mistral');
  await expect(save).toBeDisabled();
  await confirm.fill('mistral-7b-instruct');
  await save.click();

  await expect(dialog.getByText('binding…')).toBeVisible();
  await expect(dialog).toBeHidden(LANDS);
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved changes to “mobile-app-prod”.' }),
  ).toBeVisible();
  const row = rowOf(page, 'mobile-app-prod');
  await expect(row).toContainText('whisper-large-v3');
  await expect(row).not.toContainText('mistral-7b-instruct');

  const patches = await sandbox.requests({ method: 'PATCH' });
  expect(patches.map((p) => [p.path, p.body])).toEqual([
    ['/cloud/v3/inference/1/deployments/whisper-large-v3', { api_keys: ['mobile-app-prod'] }],
    ['/cloud/v3/inference/1/deployments/mistral-7b-instruct', { api_keys: [] }],
  ]);
});
