import { E2E_PROD_PORT, E2E_PROD_TOKEN } from '../../playwright.config';
import { REQUESTED_BY } from '../../src/lib/request-header';
import { expect, test } from '../fixtures';

const ENDPOINT = `http://127.0.0.1:${E2E_PROD_PORT}/__app/api-generation`;

// Personal sign-in, `auto`, a v2-only sandbox: the server has no token of its own to probe
// with at start, so the first signed-in caller's token decides, for every later caller.
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
  // A property of the API, not of the token: decided once, for everyone.
  expect(await (await request.get(ENDPOINT, { headers: REQUESTED_BY })).json()).toMatchObject({
    generation: 'v2',
  });

  // Pages served from now on say it themselves.
  await page.goto('/');
  await expect(page.locator('meta[name="gcore-api-version"]')).toHaveAttribute('content', 'v2');
  await page.getByLabel('API token').fill(E2E_PROD_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('API v2 (deprecated)')).toBeVisible();
});
