import type { Page } from '@playwright/test';
import { expect, test, type SandboxControl } from '../fixtures';
import { createButton, fillKey, openCreateForm, progressRow } from './create-form-helpers';

const DEPLOYMENT = 'mistral-7b-instruct';
const rowOf = (page: Page, name: string) =>
  page
    .getByRole('table', { name: 'API keys' })
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name, exact: true }) });
const toastOf = (page: Page, keyName: string) =>
  page.getByRole('alert').filter({ hasText: `Binding ${keyName} to ${DEPLOYMENT} failed` });

/**
 * Creates the key bound to mistral and closes the reveal while its binding still runs; the task
 * then ends in ERROR. The deployment's first read is held 3 s, so Done (clicked as soon as the
 * dialog shows) always comes before the task exists; the row saying "binding 0 of 1" proves it
 * did.
 */
async function failAfterDone(page: Page, sandbox: SandboxControl, keyName: string) {
  const port = Number(test.info().project.metadata.sandboxPort);
  await openCreateForm(page);
  await fillKey(page, keyName, [DEPLOYMENT]);
  const armed = await page.request.post(`http://127.0.0.1:${port}/__sandbox/tasks`, {
    data: { outcome: 'error', deployment: DEPLOYMENT, error: 'GPU quota exceeded' },
  });
  expect(armed.ok()).toBe(true);
  await sandbox.fault({
    method: 'GET',
    path: `/cloud/v3/inference/1/deployments/${DEPLOYMENT}`,
    delayMs: 3_000,
    passThrough: true,
  });
  await createButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Save your API key' });
  await expect(progressRow(page, DEPLOYMENT)).toContainText('binding…');
  await dialog.getByRole('button', { name: 'Done' }).click();
  // The secret was never copied: Done asks first.
  await dialog.getByRole('button', { name: 'Close without copying' }).click();
  await expect(dialog).toBeHidden();
  await expect(rowOf(page, keyName)).toContainText('binding 0 of 1');
}

test('a binding that fails after Done: a toast that stays, the row marked, Retry binds it', async ({
  page,
  sandbox,
}) => {
  await failAfterDone(page, sandbox, 'late-e2e');
  const toast = toastOf(page, 'late-e2e');
  await expect(toast).toContainText('GPU quota exceeded');
  await expect(toast).toContainText(`late-e2e does not unlock ${DEPLOYMENT}`);
  const row = rowOf(page, 'late-e2e');
  await expect(row).toContainText('binding failed');
  // The mark's sentence names the deployment; the row's list of deployments does not.
  await expect(row.getByText(DEPLOYMENT, { exact: true })).toHaveCount(0);

  await toast.getByRole('button', { name: 'Retry binding late-e2e' }).click();
  await expect(toast).toBeHidden();
  await expect(row.getByText(DEPLOYMENT, { exact: true })).toBeVisible();
  await expect(row).not.toContainText('binding failed');
});

test('on a phone the toast fits, Dismiss closes it, and the row keeps its Retry', async ({
  page,
  sandbox,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await failAfterDone(page, sandbox, 'late-phone');
  const toast = toastOf(page, 'late-phone');
  await expect(toast).toBeVisible();
  const box = await toast.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 360 && box.y + box.height <= 740).toBe(true);

  await toast.getByRole('button', { name: 'Dismiss the notice about late-phone' }).click();
  await expect(toast).toBeHidden();
  await expect(page.locator(':focus')).toHaveCount(1);
  const retry = rowOf(page, 'late-phone').getByRole('button', {
    name: `Retry binding late-phone to ${DEPLOYMENT}`,
  });
  await retry.click();
  await expect(rowOf(page, 'late-phone').getByText(DEPLOYMENT, { exact: true })).toBeVisible();
  await expect(rowOf(page, 'late-phone')).not.toContainText('binding failed');
});
