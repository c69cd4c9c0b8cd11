import { REQUESTED_BY } from '../../src/lib/request-header';
import { JOBS_PATH } from '../../src/features/jobs/api/job-contract';
import { expect, test } from '../fixtures';
import { rowOf } from './manage-row-action';

const KEY = 'mobile-app-prod'; // seeded on llama-3-8b-chat and mistral-7b-instruct

test("a sandbox reset forgets the server's jobs: a failed job of one test never shows in the next", async ({
  page,
  sandbox,
}) => {
  await sandbox.fault({
    method: 'DELETE',
    path: `/cloud/v3/inference/1/api_keys/${KEY}`,
    status: 403,
    body: { exception_class: 'PermissionDenied', message: 'Paused.', request_id: 'rq-e2e' },
  });
  const started = await page.request.post(JOBS_PATH, {
    headers: REQUESTED_BY,
    data: {
      kind: 'detach-and-delete',
      project_id: 1,
      key_name: KEY,
      deployments: ['llama-3-8b-chat', 'mistral-7b-instruct'],
    },
  });
  expect(started.status(), await started.text()).toBe(202);
  await page.goto('/');
  await expect(rowOf(page, KEY)).toContainText('deleting failed', { timeout: 15_000 });

  await sandbox.reset();
  await page.reload();
  await expect(rowOf(page, KEY)).toBeVisible();
  await expect(rowOf(page, KEY)).not.toContainText('deleting');
});
