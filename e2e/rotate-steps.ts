import type { Page } from '@playwright/test';
import type { SandboxControl } from './fixtures';
import { expect, test } from './fixtures';
import { openRowAction, rowOf } from './v3/manage-row-action';

/**
 * For a rotation spec: each test starts on the key list of a freshly seeded sandbox, and the
 * page may use the clipboard (the reveal's Copy secret).
 */
export function startEachTestOnTheList(): void {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
  test.beforeEach(async ({ page, sandbox }) => {
    await sandbox.reset();
    await page.goto('/');
  });
}

/**
 * Rotates `oldName` from its row with the grace labelled `grace`, copies the new secret, and
 * closes the reveal: the secret is shown once, then nowhere on the page.
 */
export async function rotateKey(page: Page, oldName: string, grace: string): Promise<string> {
  await openRowAction(page, oldName, 'Rotate');
  const form = page.getByRole('dialog', { name: `Rotate ${oldName}` });
  const newName = await form.getByRole('textbox', { name: 'New name' }).inputValue();
  expect(newName).toBe(`${oldName}-2`);
  await form.getByRole('radio', { name: grace }).check();
  await form.getByRole('button', { name: 'Rotate key' }).click();
  const reveal = page.getByRole('dialog', { name: 'Save your API key' });
  await expect(reveal.getByLabel('Secret', { exact: true })).toBeVisible();
  await expect(reveal).toContainText(oldName);
  await reveal.getByRole('button', { name: 'Copy secret' }).click();
  await reveal.getByRole('button', { name: 'Done' }).click();
  await expect(reveal).toBeHidden();
  await expect(page.getByLabel('Secret', { exact: true })).toHaveCount(0);
  return newName;
}

/** Retires `oldName` at once from its row, confirmed, and waits for its row to go. */
export async function retireNow(page: Page, oldName: string): Promise<void> {
  const old = rowOf(page, oldName);
  await old.getByRole('button', { name: `Retire ${oldName} now` }).click();
  const ask = page.getByRole('dialog', { name: `Retire ${oldName} now?` });
  await ask.getByRole('button', { name: 'Retire now' }).click();
  await expect(old).toHaveCount(0, { timeout: 30_000 });
}

/**
 * Rotates `oldName` to be retired in 5 seconds (RETIRE_MIN_DELAY_MS): it goes by itself, and not
 * before its grace. Whether its row is seen "replaced by" on the way depends on how long the
 * reveal took on a loaded machine, so the grace is read where it cannot race: the sandbox's
 * clock on the retirement's DELETE. The row's words are the list's component tests'.
 */
export async function rotateOnShortSchedule(
  page: Page,
  sandbox: SandboxControl,
  oldName: string,
): Promise<void> {
  const asked = Date.now();
  await rotateKey(page, oldName, 'In 5 seconds');
  await expect(rowOf(page, oldName)).toHaveCount(0, { timeout: 40_000 });
  const deletes = await sandbox.requests({ method: 'DELETE' });
  expect(deletes).toHaveLength(1);
  expect(Date.parse(deletes[0]?.at ?? '')).toBeGreaterThanOrEqual(asked + 5_000);
}

/** No PATCH of a deployment's key list ever left it empty: never open to the public. */
export async function expectNoEmptyKeyList(sandbox: SandboxControl): Promise<void> {
  const patches = await sandbox.requests({ method: 'PATCH' });
  for (const patch of patches) {
    const keys = (patch.body as { api_keys?: unknown[] } | null)?.api_keys;
    if (keys !== undefined) expect(keys, patch.path).not.toHaveLength(0);
  }
}
