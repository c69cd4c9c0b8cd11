import type { Page } from '@playwright/test';
import { expect } from '../fixtures';

export const keysTable = (page: Page) => page.getByRole('table', { name: 'API keys' });

export const rowOf = (page: Page, name: string) =>
  keysTable(page)
    .getByRole('row')
    // The name is a button (it opens the details); its cell also holds the description.
    .filter({ has: page.getByRole('button', { name, exact: true }) });

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Opens one of a key's dialogs from its row, whether the row offers one button per action or
 * one actions menu ("Actions for <key>" / "More actions") holding them.
 */
export async function openRowAction(
  page: Page,
  keyName: string,
  action: 'Edit' | 'Delete' | 'Details' | 'Rotate',
): Promise<void> {
  const row = rowOf(page, keyName);
  await expect(row).toBeVisible();
  const menu = row.getByRole('button', {
    name: new RegExp(`^(Actions for ${escape(keyName)}|More actions)$`),
  });
  if ((await menu.count()) > 0) {
    await menu.click();
    await page.getByRole('menuitem', { name: new RegExp(`^${action}\\b`) }).click();
  } else {
    await row.getByRole('button', { name: `${action} ${keyName}`, exact: true }).click();
  }
}

/** Arms the v3 sandbox's next tasks for a deployment to end in ERROR. */
export async function armTaskError(
  page: Page,
  sandboxPort: number,
  spec: { deployment: string; error: string },
): Promise<void> {
  const response = await page.request.post(`http://127.0.0.1:${sandboxPort}/__sandbox/tasks`, {
    data: { outcome: 'error', ...spec },
  });
  expect(response.ok(), await response.text()).toBe(true);
}
