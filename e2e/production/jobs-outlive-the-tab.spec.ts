import type { APIRequestContext, Page } from '@playwright/test';
import { E2E_PROD_TOKEN } from '../../playwright.config';
import { expect, SandboxControl, test } from '../fixtures';
import {
  bindingOutlivesTheTab,
  failedBindingRetriedElsewhere,
  type JobsSite,
} from '../jobs-outlive-the-tab';
import { startV3ProductionServer, type V3ProductionServer } from './v3-production-server';

// Personal sign-in: the job runs on the token of whoever posted it (or resumed it), held in the
// server's memory only, so it goes on after that person's tab is gone.
let server: V3ProductionServer;
test.beforeAll(async () => {
  server = await startV3ProductionServer();
});
test.afterAll(async () => {
  await server.stop();
});

async function signIn(page: Page) {
  await page.goto('/');
  await page.getByLabel('API token').fill(E2E_PROD_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Create API key' })).toBeVisible();
}

async function site(request: APIRequestContext): Promise<JobsSite> {
  const sandbox = new SandboxControl(request, `http://127.0.0.1:${server.sandboxPort}`);
  await sandbox.reset();
  return { baseURL: server.baseURL, sandbox, open: signIn };
}

test('bindings finish with the tab closed right after the reveal; another browser sees them go', async ({
  browser,
  request,
}) => {
  await bindingOutlivesTheTab(browser, await site(request));
});

test('a binding task that failed shows "binding failed · Retry" to another browser; its Retry binds it', async ({
  browser,
  request,
}) => {
  await failedBindingRetriedElsewhere(browser, await site(request));
});
