import { E2E_PORT } from '../playwright.config';
import { sendRawRequest } from '../server/testing/send-raw-request';
import { REQUESTED_BY } from '../src/lib/request-header';
import { expect, test } from './fixtures';

// This project's dev server runs `GCORE_API_VERSION=auto` in front of a v2-only sandbox.
test('auto-detection on a v2-only API: the page speaks v2 and says so', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('meta[name="gcore-api-version"]')).toHaveAttribute('content', 'v2');
  await expect(page.getByText('API v2 (deprecated)')).toBeVisible();
  // The page's first reads have landed: none is left in flight to reach the next test's sandbox.
  await expect(page.getByRole('table', { name: 'API keys' })).toBeVisible();
});

test('a v2 server forwards no v3 call', async ({ sandbox }) => {
  const response = await sendRawRequest(E2E_PORT, {
    method: 'GET',
    target: '/cloud/v3/inference/1/api_keys',
    headers: { 'sec-fetch-site': 'same-origin', ...REQUESTED_BY },
  });
  expect(response.status).toBe(403);
  expect(JSON.parse(response.body)).toMatchObject({ exception_class: 'ForbiddenByGateway' });
  // No v3 call reached the API (a page of another test may still be reading v2 projects).
  const requests = await sandbox.requests();
  expect(requests.filter((request) => request.path.includes('/v3/'))).toEqual([]);
});
