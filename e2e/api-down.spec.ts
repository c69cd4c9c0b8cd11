import { expect, test } from './fixtures';

const BANNER = 'Gcore’s API can’t be reached';

test('the API down, then back: said once in plain words, and the page recovers with no click', async ({
  page,
  sandbox,
}) => {
  // Every call dropped: the gateway answers 502, as it does for an API that went away.
  await sandbox.fault({ path: '/cloud/', drop: true, times: 10_000 });
  await page.goto('/');
  const banner = page.getByRole('alert', { name: BANNER });
  await expect(banner).toContainText('Gcore’s API can’t be reached right now. We’ll keep trying.');
  const header = page.getByRole('banner');
  await expect(header).toContainText('Can’t reach Gcore’s API');
  await expect(header).not.toContainText(/Connected|imitation/);
  // Once, in one place: no second alert, no loading that never ends.
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(page.getByText(/Loading/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Create API key' })).toHaveAccessibleDescription(
    'Available once Gcore’s API answers.',
  );

  await sandbox.reset(); // the API is back
  // No click: the page asks again by itself (every 2, 4, 8… s) and follows the answer.
  await expect(page.getByRole('table', { name: 'API keys' })).toContainText('ci-pipeline', {
    timeout: 20_000,
  });
  await expect(banner).toBeHidden();
  await expect(header).toContainText('Sandbox · API v2');
  await expect(page.getByRole('button', { name: 'Create API key' })).toBeEnabled();
});
