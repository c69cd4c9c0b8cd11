import type { Browser, Page } from '@playwright/test';
import { expect, type SandboxControl } from './fixtures';
import { createButton, fillKey } from './v3/create-form-helpers';
import { rowOf } from './v3/manage-row-action';

/** A v3 server whose jobs the tests follow: the dev server, or a production one. */
export type JobsSite = {
  baseURL: string;
  sandbox: SandboxControl;
  /** Opens the list in a fresh page, signed in where the server asks for it. */
  open(page: Page): Promise<void>;
};

const BOUND_TO = ['llama-3-8b-chat', 'mistral-7b-instruct'] as const;
/** Long enough for a job that is held or retried; the list polls every second meanwhile. */
const LANDS = { timeout: 30_000 };

/**
 * Creates a key bound to both deployments and closes the tab as soon as the reveal shows the
 * secret, the moment a user who has copied nothing yet may well close it anyway.
 */
async function createAndCloseTheTab(browser: Browser, site: JobsSite, keyName: string) {
  const context = await browser.newContext({ baseURL: site.baseURL });
  const page = await context.newPage();
  await site.open(page);
  await page.getByRole('button', { name: 'Create API key' }).click();
  await expect(page.getByRole('checkbox', { name: /^llama-3-8b-chat/ })).toBeVisible();
  await fillKey(page, keyName, BOUND_TO);
  await createButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Save your API key' });
  await expect(dialog.getByLabel('Secret', { exact: true })).toBeVisible();
  // The tab only: the browser (its other tabs, its network) goes on, as when a person closes one.
  await page.close();
  return context;
}

/** The list in another browser, as a colleague (or the same person elsewhere) sees it. */
async function watchTheList(browser: Browser, site: JobsSite, keyName: string) {
  const context = await browser.newContext({ baseURL: site.baseURL });
  const page = await context.newPage();
  await site.open(page);
  return { context, page, row: rowOf(page, keyName) };
}

/** Both deployments are named on the key's row: the API lists the key on each. */
async function expectBoundToBoth(page: Page, keyName: string) {
  const row = rowOf(page, keyName);
  for (const deployment of BOUND_TO) {
    await expect(row.getByText(deployment, { exact: true })).toBeVisible(LANDS);
  }
}

export async function bindingOutlivesTheTab(browser: Browser, site: JobsSite) {
  const keyName = 'outlives-the-tab';
  // mistral's reads are held 4 s each (twice), so "1 of 2" stays on the rows for a while after
  // llama is bound: long enough for another browser to open the list and see it.
  await site.sandbox.fault({
    method: 'GET',
    path: '/cloud/v3/inference/1/deployments/mistral-7b-instruct',
    delayMs: 4_000,
    passThrough: true,
    times: 2,
  });
  const creator = await createAndCloseTheTab(browser, site, keyName);
  const { context, page, row } = await watchTheList(browser, site, keyName);
  await expect(row).toContainText('binding 1 of 2', LANDS);
  await expectBoundToBoth(page, keyName);
  await expect(row).not.toContainText(/binding \d of 2/);
  const patches = await site.sandbox.requests({ method: 'PATCH' });
  expect(patches.map((patch) => patch.path).sort()).toEqual(
    BOUND_TO.map((deployment) => `/cloud/v3/inference/1/deployments/${deployment}`),
  );
  await Promise.all([context.close(), creator.close()]);
}

export async function failedBindingRetriedElsewhere(browser: Browser, site: JobsSite) {
  const keyName = 'retried-elsewhere';
  await site.sandbox.failTasks({ deployment: 'mistral-7b-instruct', error: 'GPU quota exceeded' });
  const creator = await createAndCloseTheTab(browser, site, keyName);
  const { context, page, row } = await watchTheList(browser, site, keyName);
  await expect(row).toContainText('binding failed', LANDS);
  await expect(row).toContainText('GPU quota exceeded');
  await expect(row.getByText('llama-3-8b-chat', { exact: true })).toBeVisible();
  await expect(row.getByText('mistral-7b-instruct', { exact: true })).toHaveCount(0);

  await row
    .getByRole('button', { name: `Retry binding ${keyName} to mistral-7b-instruct` })
    .click();
  await expectBoundToBoth(page, keyName);
  await expect(row).not.toContainText('binding failed');
  await Promise.all([context.close(), creator.close()]);
}
