import { E2E_V3_PORT } from '../../playwright.config';
import { test } from '../fixtures';
import {
  bindingOutlivesTheTab,
  failedBindingRetriedElsewhere,
  type JobsSite,
} from '../jobs-outlive-the-tab';

// The dev server, its sandbox's token its own: nobody signs in.
const site = (sandbox: JobsSite['sandbox']): JobsSite => ({
  baseURL: `http://127.0.0.1:${E2E_V3_PORT}`,
  sandbox,
  open: async (page) => {
    await page.goto('/');
  },
});

test('bindings finish with the tab closed right after the reveal; another browser sees them go', async ({
  browser,
  sandbox,
}) => {
  await bindingOutlivesTheTab(browser, site(sandbox));
});

test('a binding task that failed shows "binding failed · Retry" to another browser; its Retry binds it', async ({
  browser,
  sandbox,
}) => {
  await failedBindingRetriedElsewhere(browser, site(sandbox));
});
