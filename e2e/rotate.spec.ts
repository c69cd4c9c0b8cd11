import { expect, test } from './fixtures';
import {
  retireNow,
  rotateKey,
  rotateOnShortSchedule,
  startEachTestOnTheList,
} from './rotate-steps';
import { rowOf } from './v3/manage-row-action';

// v2: the new key is bound in its create; the retirement deletes the old one by UUID. Needs the
// server's `retire` jobs, `run-now` and `RETIRE_MIN_DELAY_MS` (playwright.config.ts).
startEachTestOnTheList();

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
  await retireNow(page, 'ci-pipeline');
  await expect(rowOf(page, newName)).toContainText('llama-3-8b-chat');
});

test('a short scheduled retirement retires the old key by itself', async ({ page, sandbox }) => {
  await rotateOnShortSchedule(page, sandbox, 'ci-pipeline');
});
