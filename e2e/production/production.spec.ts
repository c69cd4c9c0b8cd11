import type { Page } from '@playwright/test';
import { E2E_PROD_TOKEN } from '../../playwright.config';
import { REQUESTED_BY } from '../../src/lib/request-header';
import { expect, openCreateSheet, test } from '../fixtures';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

async function signIn(page: Page, token = E2E_PROD_TOKEN, remember = false) {
  await page.goto('/');
  await page.getByLabel('API token').fill(token);
  if (remember) await page.getByRole('checkbox', { name: /Remember in this tab/ }).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('sign in with a personal token, then create → reveal → copy → Done', async ({
  page,
  sandbox,
}) => {
  await signIn(page);
  await openCreateSheet(page);
  await page.getByRole('textbox', { name: 'Name' }).fill('prod-key');
  await page.getByRole('checkbox', { name: /^llama-3-8b-chat/ }).check();
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save your API key' });
  await dialog.getByRole('button', { name: 'Copy secret' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^[\w-]{43,}$/);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'prod-key' })).toBeVisible();
  const [create] = await sandbox.creates();
  expect(create?.authorization).toBe('valid');
});

test('a wrong token is refused with the API’s reason', async ({ page }) => {
  await signIn(page, 'not-a-real-token');
  await expect(page.getByLabel('API token')).toHaveAccessibleDescription(
    /did not accept this token/,
  );
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveCount(0);
});

test('a 401 mid-form returns to Sign in and keeps what was typed', async ({ page, sandbox }) => {
  await signIn(page);
  await openCreateSheet(page);
  await page.getByRole('textbox', { name: 'Name' }).fill('typed-before-401');
  await page.getByRole('textbox', { name: 'Description', exact: true }).fill('keep me');
  await sandbox.fault({
    method: 'POST',
    path: '/cloud/v2/inference/api_keys',
    status: 401,
    body: {
      exception_class: 'NotAuthenticated',
      message: 'Token is invalid or expired',
      request_id: 'r401',
    },
  });
  await page.getByRole('button', { name: 'Create API key' }).click();
  const signInDialog = page.getByRole('dialog', { name: 'Sign in' });
  await expect(signInDialog).toContainText('stopped accepting your token');
  await signInDialog.getByLabel('API token').fill(E2E_PROD_TOKEN);
  await signInDialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(signInDialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('typed-before-401');
  await expect(page.getByRole('textbox', { name: 'Description', exact: true })).toHaveValue(
    'keep me',
  );
});

test('sign-out clears the token from memory and storage', async ({ page }) => {
  await signIn(page, E2E_PROD_TOKEN, true);
  await expect(page.getByRole('button', { name: 'Create API key' })).toBeVisible();
  expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage }))).toContain(
    E2E_PROD_TOKEN,
  );
  await page.reload();
  await expect(page.getByRole('button', { name: 'Create API key' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  const stores = await page.evaluate(
    () => JSON.stringify({ ...sessionStorage, ...localStorage }) + document.cookie,
  );
  expect(stores).not.toContain(E2E_PROD_TOKEN);
  // Memory too: the next API call the page makes carries no token and is refused.
  const status = await page.evaluate(
    async (dashboard) => (await fetch('/cloud/v1/projects', { headers: dashboard })).status,
    REQUESTED_BY,
  );
  expect(status).toBe(401);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('deep links reload, headers are set, hashed assets are cached for good', async ({
  page,
  request,
}) => {
  await signIn(page, E2E_PROD_TOKEN, true);
  // Signed in is what the user sees next: navigating before it reloads into Sign in.
  await expect(page.getByRole('button', { name: 'Create API key' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.goto('/?project=2&size=10');
  await expect(page.getByRole('combobox', { name: 'Project' })).toHaveValue('2');
  const deep = await request.get('/some/deep/link?x=1');
  expect(deep.status()).toBe(200);
  expect(deep.headers()['cache-control']).toBe('no-cache');
  expect(deep.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(deep.headers()['content-security-policy']).not.toContain('unsafe-inline');
  expect(deep.headers()['referrer-policy']).toBe('no-referrer');
  expect(deep.headers()['x-content-type-options']).toBe('nosniff');
  const html = await deep.text();
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  const asset = await request.get(script ?? '', { headers: { 'accept-encoding': 'br, gzip' } });
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(asset.headers()['content-encoding']).toBe('br');
  const health = await request.get('/healthz');
  expect(await health.json()).toEqual({ ok: true });
  const create = await request.post('/cloud/v2/inference/api_keys', {
    headers: { ...REQUESTED_BY, authorization: `APIKey ${E2E_PROD_TOKEN}` },
    data: { name: 'no-store-check' },
  });
  expect(create.headers()['cache-control']).toBe('no-store');
});
