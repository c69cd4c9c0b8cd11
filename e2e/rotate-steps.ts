import type { Page } from '@playwright/test';
import type { SandboxControl } from './fixtures';
import { expect } from './fixtures';
import { openRowAction } from './v3/manage-row-action';

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

/** No PATCH of a deployment's key list ever left it empty: never open to the public. */
export async function expectNoEmptyKeyList(sandbox: SandboxControl): Promise<void> {
  const patches = await sandbox.requests({ method: 'PATCH' });
  for (const patch of patches) {
    const keys = (patch.body as { api_keys?: unknown[] } | null)?.api_keys;
    if (keys !== undefined) expect(keys, patch.path).not.toHaveLength(0);
  }
}
