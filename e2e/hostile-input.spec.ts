import { SEED_DEPLOYMENT_IDS } from '../sandbox/seed/deployments';
import { expect, openCreateSheet, test } from './fixtures';

const MARKUP = '<img src=x onerror="window.__pwned = true"><script>window.__pwned = true</script>';
const RTL = '\u202Egnirts desrever\u202C';
const ZERO_WIDTH = 'zero\u200Bwidth\u200Dchars';
const EMOJI = '🔑🦄👩‍💻';
const LONG = 'x'.repeat(3000);

test('markup, RTL, zero-width, emoji and very long text are shown as text and keep the layout', async ({
  page,
  sandbox,
}) => {
  const hostileName = `${MARKUP} ${RTL} ${EMOJI} ${'y'.repeat(400)}`;
  await sandbox.fault({
    method: 'GET',
    path: '/cloud/v2/inference/deployments',
    times: 20,
    status: 200,
    body: {
      count: 1,
      results: [
        {
          id: SEED_DEPLOYMENT_IDS.llamaChat,
          name: hostileName,
          status: `<b>${EMOJI}</b>`,
          address: 'https://example.test',
          image: 'x:latest',
          listening_port: 80,
          containers: [],
          flavor_id: SEED_DEPLOYMENT_IDS.llamaChat,
        },
      ],
    },
  });
  await page.goto('/');
  await openCreateSheet(page);
  await expect(page.getByRole('checkbox', { name: /^<img src=x/ })).toBeVisible();
  await page.getByRole('textbox', { name: 'Name' }).fill(`long-${'a'.repeat(190)}`);
  await page
    .getByRole('textbox', { name: 'Description', exact: true })
    .fill(`${MARKUP} ${RTL} ${ZERO_WIDTH} ${EMOJI} ${LONG}`);
  await page.getByRole('checkbox', { name: /^<img src=x/ }).check();
  // Its list reports no auth_enabled (off): the notice names it, as text, and asks first.
  const notice = page.getByRole('group', { name: 'Key authentication turns on for a deployment' });
  await expect(notice).toContainText(MARKUP.slice(0, 30));
  await notice.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save your API key' });
  await expect(dialog).toContainText(MARKUP.slice(0, 30));
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.getByRole('button', { name: 'Close without copying' }).click();

  const row = page.getByRole('row').filter({ hasText: `long-${'a'.repeat(190)}` });
  await expect(row).toContainText(MARKUP);
  await expect(row).toContainText(RTL);
  await expect(row).toContainText(ZERO_WIDTH);
  await expect(row).toContainText(EMOJI);

  // Nothing ran, and nothing pushed the page wider than the window.
  expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"], main script').count()).toBe(0);
  // No horizontal scrollbar: long content wraps or scrolls inside the table's own container.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(
    0,
  );
});
