import { expect, test } from '../fixtures';
import { createButton, fillKey, openCreateForm, progressRow } from './create-form-helpers';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('create bound to two deployments: the secret at once, then both bound, then the list', async ({
  page,
  sandbox,
}) => {
  await openCreateForm(page);
  await fillKey(page, 'bound-twice', ['llama-3-8b-chat', 'mistral-7b-instruct']);
  await createButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Save your API key' });
  await expect(dialog.getByLabel('Secret', { exact: true })).toBeVisible();
  // Progress is seen before the tasks end (each takes 600 ms on this sandbox).
  await expect(dialog.getByText('binding…').first()).toBeVisible();
  await expect(dialog.getByText(/available once bound/)).toBeVisible();
  await expect(progressRow(page, 'llama-3-8b-chat')).toContainText('bound');
  await expect(progressRow(page, 'mistral-7b-instruct')).toContainText('bound');
  await expect(dialog.getByText('2 of 2 done.')).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Example call' })).toContainText('curl');

  await dialog.getByRole('button', { name: 'Copy secret' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: 'bound-twice' });
  await expect(row).toContainText(/mistral-7b-instruct|2 deployments/);

  const patches = await sandbox.requests({ method: 'PATCH' });
  expect(patches.map((p) => p.path).sort()).toEqual([
    '/cloud/v3/inference/1/deployments/llama-3-8b-chat',
    '/cloud/v3/inference/1/deployments/mistral-7b-instruct',
  ]);
});

test('a deployment with no key today: warned, and the create waits for the acknowledgement', async ({
  page,
  sandbox,
}) => {
  await openCreateForm(page);
  await fillKey(page, 'opens-whisper', ['whisper-large-v3']);
  const notice = page.getByRole('group', { name: 'Key authentication turns on for a deployment' });
  await expect(notice).toContainText('callers that send no key will be refused');
  const box = notice.getByRole('checkbox', {
    name: 'I understand that callers sending no key will be refused',
  });
  await createButton(page).click();
  await expect(box).toBeFocused();
  await expect(notice).toContainText('Confirm that you understand key authentication turns on');
  expect(
    await sandbox.requests({ method: 'POST', path: '/cloud/v3/inference/1/api_keys' }),
  ).toEqual([]);
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('opens-whisper');

  await box.check();
  await createButton(page).click();
  await expect(page.getByRole('dialog', { name: 'Save your API key' })).toBeVisible();
  await expect(progressRow(page, 'whisper-large-v3')).toContainText('bound');
});

test('a binding task that fails shows why; Retry binds it', async ({ page, request }) => {
  const port = Number(test.info().project.metadata.sandboxPort);
  const armed = await request.post(`http://127.0.0.1:${port}/__sandbox/tasks`, {
    data: { outcome: 'error', deployment: 'mistral-7b-instruct', error: 'GPU quota exceeded' },
  });
  expect(armed.ok()).toBe(true);
  await openCreateForm(page);
  await fillKey(page, 'retried-bind', ['llama-3-8b-chat', 'mistral-7b-instruct']);
  await createButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Save your API key' });
  await expect(progressRow(page, 'mistral-7b-instruct')).toContainText(
    /failed: .*GPU quota exceeded/,
  );
  await expect(progressRow(page, 'llama-3-8b-chat')).toContainText('bound');
  const retry = dialog.getByRole('button', { name: 'Retry binding to mistral-7b-instruct' });
  await retry.click();
  await expect(progressRow(page, 'mistral-7b-instruct')).toContainText('bound');
  await expect(retry).toBeHidden();
  await expect(dialog.getByText('2 of 2 done.')).toBeVisible();
});
