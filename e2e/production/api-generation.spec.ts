import { E2E_PROD_PORT, E2E_PROD_TOKEN } from '../../playwright.config';
import { REQUESTED_BY } from '../../src/lib/request-header';
import { expect, test } from '../fixtures';

const ENDPOINT = `http://127.0.0.1:${E2E_PROD_PORT}/__app/api-generation`;

// Personal sign-in, `auto`, a v2-only sandbox: the server has no token of its own to probe
// with, so each signed-in caller's own token decides, for that caller only.
test('personal sign-in: the generation is detected on demand with the user’s token', async ({
  page,
  request,
}) => {
  const asked = await request.get(ENDPOINT, {
    headers: { ...REQUESTED_BY, authorization: `APIKey ${E2E_PROD_TOKEN}` },
  });
  expect(asked.headers()['cache-control']).toBe('no-store');
  const answer = await asked.text();
  expect(JSON.parse(answer)).toMatchObject({ generation: 'v2' });
  expect(answer).not.toContain(E2E_PROD_TOKEN);
  // One caller's probe settles nothing for anyone else.
  expect(await (await request.get(ENDPOINT, { headers: REQUESTED_BY })).json()).toMatchObject({
    generation: null,
  });

  // The page cannot be told in its HTML: it asks with the token it signs in with.
  await page.goto('/');
  await expect(page.getByLabel('API token')).toBeVisible();
  await expect(page.locator('meta[name="gcore-api-version"]')).toHaveCount(0);
  await page.getByLabel('API token').fill(E2E_PROD_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('API v2 (deprecated)')).toBeVisible();
});
