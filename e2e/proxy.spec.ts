import { E2E_SANDBOX_TOKEN } from '../playwright.config';
import { REQUESTED_BY } from '../src/lib/request-header';
import { expect, openCreateSheet, test } from './fixtures';

test('the proxy puts its own token on every call, replacing what the browser sends', async ({
  page,
  sandbox,
}) => {
  await page.goto('/');
  const status = await page.evaluate(async (dashboard) => {
    const response = await fetch('/cloud/v1/projects', {
      headers: { ...dashboard, Authorization: 'APIKey stolen-or-wrong' },
    });
    return response.status;
  }, REQUESTED_BY);
  expect(status).toBe(200);
  const calls = await sandbox.requests({ path: '/cloud/v1/projects' });
  expect(calls.length).toBeGreaterThan(0);
  expect(calls.every((call) => call.authorization === 'valid')).toBe(true);
});

test('the token never reaches the browser', async ({ page }) => {
  const reads: Promise<string>[] = [];
  page.on('response', (response) => {
    reads.push(
      Promise.all([response.allHeaders(), response.text()])
        .then(([headers, body]) => `${JSON.stringify(headers)}\n${body}`)
        .catch(() => ''),
    );
  });
  await page.goto('/');
  await expect(page.getByRole('table', { name: 'API keys' })).toBeVisible();
  // The deployments are listed in the create sheet.
  const sheet = await openCreateSheet(page);
  await expect(sheet.getByRole('checkbox', { name: /^llama-3-8b-chat/ })).toBeVisible();
  const seen = (await Promise.all(reads)).join('\n');
  expect(seen).toContain('llama-3-8b-chat'); // the answers were read, not skipped
  expect(seen).not.toContain(E2E_SANDBOX_TOKEN);
});

test('the page says it is talking to the sandbox, and in which API generation', async ({
  page,
}) => {
  await page.goto('/');
  // This project's sandbox serves v2 only (playwright.config.ts): `auto` must have found v2.
  await expect(page.getByText(/^Sandbox · API v2 \(deprecated\): a local imitation/)).toBeVisible();
});
