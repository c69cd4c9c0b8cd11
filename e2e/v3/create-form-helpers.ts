import type { Page } from '@playwright/test';
import { expect } from '../fixtures';

/**
 * Opens the create form whether it sits on the page or in a sheet behind a "Create API key"
 * button: with the form already showing, nothing is clicked (its own submit button has the same
 * name).
 */
export async function openCreateForm(page: Page): Promise<void> {
  await page.goto('/');
  const name = page.getByRole('textbox', { name: 'Name' });
  const opener = page.getByRole('button', { name: /create api key/i }).first();
  await expect(name.or(opener).first()).toBeVisible();
  if (!(await name.isVisible())) await opener.click();
  await expect(page.getByRole('checkbox', { name: /^llama-3-8b-chat/ })).toBeVisible();
}

/** The form's own submit button, not the one that opens the sheet. */
export const createButton = (page: Page) =>
  page
    .locator('form')
    .filter({ has: page.getByRole('textbox', { name: 'Name' }) })
    .getByRole('button', { name: 'Create API key' });

export async function fillKey(page: Page, name: string, deployments: readonly string[]) {
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  for (const deployment of deployments) {
    await page.getByRole('checkbox', { name: new RegExp(`^${deployment}`) }).check();
  }
}

/** One deployment's line in the reveal's binding progress. */
export const progressRow = (page: Page, deployment: string) =>
  page
    .getByRole('dialog', { name: 'Save your API key' })
    .getByRole('listitem')
    .filter({ hasText: deployment });
