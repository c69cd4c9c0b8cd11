import { REQUESTED_BY_VALUE } from '../../src/lib/request-header';
import { expect, test } from '../fixtures';
import { recordServerCalls } from '../server-calls';
import { createButton, fillKey, openCreateForm, progressRow } from './create-form-helpers';

test('on v3 too, every call to the server says it is the dashboard: create, the bind job, its polls', async ({
  page,
  sandbox,
}) => {
  const calls = recordServerCalls(page);
  await openCreateForm(page);
  await fillKey(page, 'with-header', ['llama-3-8b-chat']);
  await createButton(page).click();
  await expect(page.getByRole('dialog', { name: 'Save your API key' })).toBeVisible();
  await expect(progressRow(page, 'llama-3-8b-chat')).toContainText('bound');
  expect(await sandbox.requests({ method: 'PATCH' })).toHaveLength(1);

  const seen = await calls();
  const paths = seen.map((call) => `${call.method} ${call.path}`);
  expect(paths).toContain('POST /cloud/v3/inference/1/api_keys');
  // The binding itself (PATCH, task polls) is the server's job: the page posts it and follows it.
  expect(paths).toContain('POST /__app/jobs');
  expect(paths.some((path) => path.startsWith('GET /__app/jobs/'))).toBe(true);
  expect(seen.filter((call) => call.requestedBy !== REQUESTED_BY_VALUE)).toEqual([]);
});
