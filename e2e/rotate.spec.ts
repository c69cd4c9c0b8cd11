import { expect, test } from './fixtures';
import { rotateKey } from './rotate-steps';
import { rowOf } from './v3/manage-row-action';

// v2: the new key is bound in its create; the retirement deletes the old one by UUID. Needs the
// server's `retire` jobs, `run-now` and `RETIRE_MIN_DELAY_MS` (playwright.config.ts).
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test.beforeEach(async ({ page, sandbox }) => {
  await sandbox.reset();
  await page.goto('/');
});

test('rotate a bound key: a new secret once, the new key bound alike, the old one kept', async ({
  page,
  sandbox,
}) => {
  const newName = await rotateKey(page, 'ci-pipeline', 'I’ll retire it myself');
  const [create] = await sandbox.creates();
  expect(create?.body).toMatchObject({
    name: newName,
    description: 'Used by the CI smoke tests',
    inference_instance_ids: [expect.any(String)],
  });
  await expect(rowOf(page, newName)).toContainText('llama-3-8b-chat');
  const old = rowOf(page, 'ci-pipeline');
  await expect(old).toContainText('llama-3-8b-chat');
  await expect(old).toContainText(`replaced by ${newName} · you retire it`);
});

test('Retire now: the old key goes, the new one stays bound', async ({ page }) => {
  const newName = await rotateKey(page, 'ci-pipeline', 'I’ll retire it myself');
  const old = rowOf(page, 'ci-pipeline');
  await old.getByRole('button', { name: 'Retire ci-pipeline now' }).click();
  await page
    .getByRole('dialog', { name: 'Retire ci-pipeline now?' })
    .getByRole('button', { name: 'Retire now' })
    .click();
  await expect(old).toHaveCount(0, { timeout: 30_000 });
  await expect(rowOf(page, newName)).toContainText('llama-3-8b-chat');
});

test('a short scheduled retirement retires the old key by itself', async ({ page }) => {
  await rotateKey(page, 'ci-pipeline', 'In 5 seconds');
  await expect(rowOf(page, 'ci-pipeline')).toContainText('replaced by');
  await expect(rowOf(page, 'ci-pipeline')).toHaveCount(0, { timeout: 40_000 });
});
