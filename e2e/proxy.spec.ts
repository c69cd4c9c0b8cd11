import { expect, test } from './fixtures';

test('the proxy puts its own token on every call, replacing what the browser sends', async ({
  page,
  sandbox,
}) => {
  await page.goto('/');
  const status = await page.evaluate(async () => {
    const response = await fetch('/cloud/v1/projects', {
      headers: { Authorization: 'APIKey stolen-or-wrong' },
    });
    return response.status;
  });
  expect(status).toBe(200);
  const calls = await sandbox.requests({ path: '/cloud/v1/projects' });
  expect(calls.length).toBeGreaterThan(0);
  expect(calls.every((call) => call.authorization === 'valid')).toBe(true);
});

test('the token never reaches the browser', async ({ page }) => {
  const bodies: string[] = [];
  page.on('response', async (response) => {
    bodies.push(JSON.stringify(await response.allHeaders()), await response.text().catch(() => ''));
  });
  await page.goto('/');
  await expect(page.getByRole('checkbox', { name: /^llama-3-8b-chat/ })).toBeVisible();
  expect(bodies.join('\n')).not.toContain('sandbox-token');
});

test('the page says it is talking to the sandbox', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText(/Sandbox:/)).toBeVisible();
});
