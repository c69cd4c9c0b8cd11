import type { Page } from '@playwright/test';
import { SEED_DEPLOYMENT_IDS } from '../sandbox/seed/deployments';
import { REQUESTED_BY } from '../src/lib/request-header';
import { expect, openCreateSheet, test } from './fixtures';
import { keysTable, openRowAction, rowOf } from './v3/manage-row-action';

async function createKey(page: Page, name: string, instance?: RegExp) {
  await openCreateSheet(page);
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  if (instance) await page.getByRole('checkbox', { name: instance }).check();
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save your API key' });
  // These keys are never used: Done's question is answered by closing without copying.
  await dialog.getByRole('button', { name: 'Done' }).click();
  await dialog.getByRole('button', { name: 'Close without copying' }).click();
  await expect(rowOf(page, name)).toBeVisible();
}

test('edit the expiry to Never and back to a date: the row follows and PATCH sends only that', async ({
  page,
  sandbox,
}) => {
  await page.goto('/');
  await createKey(page, 'edit-me');
  await openRowAction(page, 'edit-me', 'Edit');
  let dialog = page.getByRole('dialog', { name: 'Edit API key' });
  await dialog.getByRole('combobox', { name: 'Expiration' }).selectOption('never');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(rowOf(page, 'edit-me')).toContainText('never expires');

  await openRowAction(page, 'edit-me', 'Edit');
  dialog = page.getByRole('dialog', { name: 'Edit API key' });
  await dialog.getByRole('combobox', { name: 'Expiration' }).selectOption('custom');
  await dialog.getByLabel('Expiration date and time').fill('2030-06-01T12:00');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(rowOf(page, 'edit-me')).toContainText('2030');

  const patches = await sandbox.requests({ method: 'PATCH' });
  expect(patches.map((p) => p.body)).toEqual([
    { expires_at: null },
    { expires_at: '2030-06-01T12:00:00Z' },
  ]);
});

test('delete a key bound to an active deployment only after typing its name', async ({
  page,
  sandbox,
}) => {
  await page.goto('/');
  await createKey(page, 'bound-key', /^llama-3-8b-chat/);
  await openRowAction(page, 'bound-key', 'Delete');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('llama-3-8b-chat');
  const confirm = dialog.getByRole('button', { name: 'Delete key' });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Type the key name to confirm' }).fill('bound-ke');
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Type the key name to confirm' }).fill('bound-key');
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(rowOf(page, 'bound-key')).toHaveCount(0);
  expect(await sandbox.requests({ method: 'DELETE' })).toHaveLength(1);
  const bound = await page.request.get(`/cloud/v2/inference/api_keys?limit=1000`, {
    headers: REQUESTED_BY,
  });
  expect(JSON.stringify(await bound.json())).not.toContain('bound-key');
  // The key deleted was the one bound to the active deployment, which is why typing was asked.
  const [create] = await sandbox.creates();
  expect(create?.body).toMatchObject({ inference_instance_ids: [SEED_DEPLOYMENT_IDS.llamaChat] });
});

test('delete an unbound key without typing', async ({ page }) => {
  await page.goto('/');
  await createKey(page, 'loose-key');
  await openRowAction(page, 'loose-key', 'Delete');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('textbox', { name: 'Type the key name to confirm' })).toHaveCount(
    0,
  );
  await dialog.getByRole('button', { name: 'Delete key' }).click();
  await expect(rowOf(page, 'loose-key')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Deleted “loose-key”.' })).toBeVisible();
});

test('page through 250 seeded keys with the right count, and reload keeps project and page', async ({
  page,
  sandbox,
}) => {
  await sandbox.reset(250);
  await page.goto('/?size=50');
  await expect(page.getByText('1–50 of 253')).toBeVisible();
  for (const range of ['51–100', '101–150', '151–200', '201–250', '251–253']) {
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page.getByText(`${range} of 253`)).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
  await expect(keysTable(page).getByRole('row')).toHaveCount(1 + 3);
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(page.getByText('201–250 of 253')).toBeVisible();
  // The URL is what the reload reads back: wait for it too, not only for the rows.
  await expect(page).toHaveURL(/[?&]page=5(&|$)/);
  await page.reload();
  await expect(page.getByText('201–250 of 253')).toBeVisible();
  expect(new URL(page.url()).searchParams.get('page')).toBe('5');
});

test('sort by name through the API', async ({ page, sandbox }) => {
  await page.goto('/');
  await expect(keysTable(page)).toBeVisible();
  await page.getByRole('button', { name: 'Name', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  // The header turns first; the rows follow once the API's sorted page arrives.
  const names = () => keysTable(page).getByRole('row').locator('td:first-child').allTextContents();
  await expect
    .poll(async () => {
      const shown = await names();
      return shown.length > 1 && shown.join('\n') === [...shown].sort().join('\n');
    })
    .toBe(true);
  await page.getByRole('button', { name: 'Name', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  const lists = await sandbox.requests({ method: 'GET', path: '/cloud/v2/inference/api_keys' });
  expect(lists.at(-1)?.query).toContain('order_by=name.desc');
});

test('the project lives in the URL and survives a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Project' }).selectOption({ label: 'staging' });
  await expect(keysTable(page)).toContainText('staging-tests');
  await expect(page).toHaveURL(/[?&]project=2(&|$)/);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Project' })).toHaveValue('2');
  await expect(keysTable(page)).toContainText('staging-tests');
});

test('details open from a row and by URL', async ({ page }) => {
  await page.goto('/');
  await openRowAction(page, 'ci-pipeline', 'Details');
  const dialog = page.getByRole('dialog', { name: 'API key details' });
  await expect(dialog).toContainText('ci-pipeline');
  await expect(page).toHaveURL(/[?&]key=/);
  const url = page.url();
  await page.goto(url);
  await expect(page.getByRole('dialog', { name: 'API key details' })).toContainText('ci-pipeline');
});
