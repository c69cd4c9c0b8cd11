import type { Page } from '@playwright/test';
import { E2E_PROD_TOKEN } from '../../playwright.config';
import { expect, openCreateSheet, test } from '../fixtures';
import { heapContains } from '../heap-snapshot';
import { openRowAction } from '../v3/manage-row-action';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

async function signIn(page: Page, token: string) {
  await page.goto('/');
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Create API key' })).toBeVisible();
}

test('after Done the secret is gone from the page’s heap', async ({ page }) => {
  await signIn(page, E2E_PROD_TOKEN);
  await openCreateSheet(page);
  await page.getByRole('textbox', { name: 'Name' }).fill('heap-check');
  // Read from the network, on the test's side: reading it in the page would put a copy there.
  const created = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().endsWith('/cloud/v2/inference/api_keys'),
  );
  await page.getByRole('button', { name: 'Create API key' }).click();
  const { secret } = (await (await created).json()) as { secret: string };
  expect(secret).toMatch(/^[\w-]{43,}$/);

  const dialog = page.getByRole('dialog', { name: 'Save your API key' });
  await dialog.getByRole('button', { name: 'Copy secret' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Copied to the clipboard.');
  await dialog.getByRole('button', { name: 'Show secret' }).click();
  await expect(dialog.getByLabel('Secret', { exact: true })).not.toHaveValue(/•/);
  // The control: while the dialog shows it, the search must find it, or it proves nothing.
  expect(await heapContains(page, secret)).toBe(true);

  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: 'heap-check' })).toBeFocused();
  expect(await heapContains(page, secret)).toBe(false);
});

test('a rotation’s new secret is gone from the page’s heap after Done', async ({ page }) => {
  await signIn(page, E2E_PROD_TOKEN);
  await openRowAction(page, 'ci-pipeline', 'Rotate');
  const form = page.getByRole('dialog', { name: 'Rotate ci-pipeline' });
  await form.getByRole('radio', { name: 'I’ll retire it myself' }).check();
  const created = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().endsWith('/cloud/v2/inference/api_keys'),
  );
  await form.getByRole('button', { name: 'Rotate key' }).click();
  const { secret } = (await (await created).json()) as { secret: string };
  expect(secret).toMatch(/^[\w-]{43,}$/);

  const dialog = page.getByRole('dialog', { name: 'Save your API key' });
  await dialog.getByRole('button', { name: 'Copy secret' }).click();
  await expect(dialog.getByRole('status').first()).toHaveText('Copied to the clipboard.');
  await dialog.getByRole('button', { name: 'Show secret' }).click();
  await expect(dialog.getByLabel('Secret', { exact: true })).not.toHaveValue(/•/);
  expect(await heapContains(page, secret)).toBe(true);

  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'ci-pipeline-2', exact: true })).toBeVisible();
  expect(await heapContains(page, secret)).toBe(false);
});

test('after Sign out the token is gone from the page’s heap', async ({ page }) => {
  await signIn(page, E2E_PROD_TOKEN);
  await page.getByRole('button', { name: 'Create API key' }).focus();
  expect(await heapContains(page, E2E_PROD_TOKEN)).toBe(true);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await heapContains(page, E2E_PROD_TOKEN)).toBe(false);
});
