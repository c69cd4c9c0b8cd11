import { expect, test } from '../fixtures';
import {
  expectNoEmptyKeyList,
  retireNow,
  rotateKey,
  rotateOnShortSchedule,
  startEachTestOnTheList,
} from '../rotate-steps';
import { rowOf } from './manage-row-action';

// Needs the server's `retire` jobs, `run-now` and `RETIRE_MIN_DELAY_MS` (playwright.config.ts).
startEachTestOnTheList();

test('rotate a bound key: a new secret once, the new key bound alike, the old one kept', async ({
  page,
}) => {
  const newName = await rotateKey(page, 'mobile-app-prod', 'I’ll retire it myself');
  await expect(rowOf(page, newName)).toContainText('llama-3-8b-chat');
  await expect(rowOf(page, newName)).toContainText('mistral-7b-instruct');
  const old = rowOf(page, 'mobile-app-prod');
  await expect(old).toContainText('llama-3-8b-chat');
  await expect(old).toContainText(`replaced by ${newName} · you retire it`);
});

test('Retire now: the old key goes, and no deployment is left without a key on the way', async ({
  page,
  sandbox,
}) => {
  const newName = await rotateKey(page, 'mobile-app-prod', 'I’ll retire it myself');
  await retireNow(page, 'mobile-app-prod');
  await expect(rowOf(page, newName)).toContainText('mistral-7b-instruct');
  await expectNoEmptyKeyList(sandbox);
});

test('a short scheduled retirement retires the old key by itself', async ({ page, sandbox }) => {
  await rotateOnShortSchedule(page, sandbox, 'mobile-app-prod');
  await expectNoEmptyKeyList(sandbox);
});
