import type { Browser, Locator, Page } from '@playwright/test';
import { withProbedPage } from './browser.ts';

/**
 * The create form found by roles and accessible names, so the bench follows the page when the
 * form moves: inline on the page, or in a sheet opened by a "Create API key" button.
 */
export type CreateShape = 'inline' | 'sheet';

/**
 * A seed deployment of the default project that already has keys: binding one more leaves its
 * authentication as it was, so no acknowledgement is asked for (the same name in v2 and v3).
 */
export const BIND_DEPLOYMENT = 'llama-3-8b-chat';

const CREATE = /create api key/i;

export const nameField = (page: Page): Locator =>
  page.getByRole('textbox', { name: 'Name', exact: true });

/** The button that opens the sheet: named like the submit, but not a submit. */
const opener = (page: Page): Locator =>
  page.getByRole('button', { name: CREATE }).and(page.locator(':not([type="submit"])'));

/** The form's own submit, scoped to the form that holds Name. */
export const submitButton = (page: Page): Locator =>
  page
    .locator('form')
    .filter({ has: nameField(page) })
    .getByRole('button', { name: CREATE });

/** The deployment checkbox in the form's Deployments group. */
export const deploymentBox = (page: Page, name = BIND_DEPLOYMENT): Locator =>
  page
    .getByRole('group', { name: 'Deployments' })
    .getByRole('checkbox', { name: new RegExp(`^${name}\\b`) });

/**
 * Opens the sheet if the page has one and Name is not on screen; says whether it clicked. The
 * click waits for the button to be enabled, as a user would.
 */
export async function openCreateForm(page: Page): Promise<boolean> {
  await nameField(page).or(opener(page)).first().waitFor({ state: 'visible', timeout: 30_000 });
  if (await nameField(page).isVisible()) return false;
  await opener(page).first().click();
  await nameField(page).waitFor({ state: 'visible' });
  return true;
}

/** Closes the sheet holding the form, so the page behind it can be used; inline, does nothing. */
export async function closeCreateForm(page: Page): Promise<void> {
  const sheet = page.getByRole('dialog').filter({ has: nameField(page) });
  if (!(await sheet.isVisible())) return;
  await page.keyboard.press('Escape');
  await sheet.waitFor({ state: 'hidden' });
}

/** One visit of the app: where its create form lives, so the floor is built the same way. */
export function detectCreateShape(browser: Browser): Promise<CreateShape> {
  return withProbedPage(browser, async (page) =>
    (await openCreateForm(page)) ? 'sheet' : 'inline',
  );
}
