import { E2E_V3_PORT } from '../../playwright.config';
import { sendRawRequest } from '../../server/testing/send-raw-request';
import { REQUESTED_BY } from '../../src/lib/request-header';
import { expect, test } from '../fixtures';

// This project's dev server runs `GCORE_API_VERSION=auto` in front of a sandbox serving both.
test('auto-detection on a v3-capable API: the page speaks v3 and says so', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('meta[name="gcore-api-version"]')).toHaveAttribute('content', 'v3');
  // GCORE_TASK_POLL_MS is the server's jobs' own: the page polls no task.
  await expect(page.locator('meta[name="gcore-task-poll-ms"]')).toHaveCount(0);
  await expect(page.getByText(/^Sandbox · API v3: a local imitation/)).toBeVisible();
});

test('a v3 server forwards v3 key calls and no v2 one', async ({ sandbox }) => {
  const get = (target: string) =>
    sendRawRequest(E2E_V3_PORT, {
      method: 'GET',
      target,
      headers: { 'sec-fetch-site': 'same-origin', ...REQUESTED_BY },
    });
  expect((await get('/cloud/v3/inference/1/api_keys')).status).toBe(200);
  const refused = await get('/cloud/v2/inference/api_keys?project_id=1');
  expect(refused.status).toBe(403);
  expect(JSON.parse(refused.body)).toMatchObject({ exception_class: 'ForbiddenByGateway' });
  expect((await sandbox.requests()).map((call) => call.path)).toEqual([
    '/cloud/v3/inference/1/api_keys',
  ]);
});
