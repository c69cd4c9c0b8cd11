import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { launchChromium, waitForStamp, withProbedPage } from './browser.ts';
import {
  closeCreateForm,
  deploymentBox,
  nameField,
  openCreateForm,
  submitButton,
} from './create-form.ts';
import { resetPreviewSandbox } from './preview.ts';

const COMMIT_PROBE = fileURLToPath(new URL('./react-commit-probe.js', import.meta.url));

export type RenderCount = {
  action: string;
  /** How many times the user acted (keystrokes, clicks). */
  actions: number;
  /** React commits, and components rendered in them, over all the actions. */
  commits: number;
  rendered: number;
  /** Components on the page after the last commit: the size of a full re-render. */
  mounted: number;
};

type Scenario = {
  action: string;
  actions: number;
  act: (page: Page) => Promise<void>;
  /** Readies the page for the action, outside the count. */
  prepare?: (page: Page) => Promise<void>;
  /** Puts the page back for the next scenario, outside the count. */
  undo?: (page: Page) => Promise<void>;
};

const NAME = 'render-count-key-abcd';
/** Ends with a space and a `!`, which the name rule refuses: the error comes back. */
const INVALID_NAME = `${NAME} !`;
const SCENARIOS: Scenario[] = [
  {
    action: 'type in Name',
    actions: NAME.length,
    act: (page) => nameField(page).pressSequentially(NAME),
  },
  {
    // Touched, so each keystroke is validated: the error appears and goes on the way.
    action: 'type in Name, validated',
    actions: INVALID_NAME.length,
    act: async (page) => {
      const name = nameField(page);
      await name.fill('');
      await name.blur();
      await name.pressSequentially(INVALID_NAME);
    },
  },
  {
    action: 'tick a deployment',
    actions: 1,
    act: (page) => deploymentBox(page).click(),
  },
  {
    action: 'choose an expiry preset',
    actions: 1,
    act: async (page) => {
      await page.getByRole('combobox', { name: 'Expiration' }).selectOption('30d');
    },
  },
  {
    action: 'type in the key filter',
    actions: 5,
    // The list is behind the sheet (when the form is in one): it closes first, and reopens after.
    prepare: closeCreateForm,
    act: (page) =>
      page.getByRole('searchbox', { name: 'Filter keys by name' }).pressSequentially('gener'),
    undo: async (page) => {
      await page.getByRole('searchbox', { name: 'Filter keys by name' }).fill('');
      await openCreateForm(page);
    },
  },
  {
    // Last: the reveal dialog stays open (it holds the secret until it is copied).
    action: 'create a key',
    actions: 1,
    act: async (page) => {
      await nameField(page).fill(`${NAME}-created`);
      await submitButton(page).click();
      await page.getByRole('dialog', { name: 'Save your API key' }).waitFor();
    },
  },
];

/**
 * Re-render storms, counted: for each user action on the first screen, how many components React
 * renders, beside how many are on the page. Counts, not times, so they do not move between runs.
 */
export async function measureRenders(): Promise<RenderCount[]> {
  const browser = await launchChromium();
  try {
    await resetPreviewSandbox();
    return await withProbedPage(
      browser,
      async (page) => {
        await openCreateForm(page);
        await waitForStamp(page, 'formReadyAt');
        await waitForStamp(page, 'listPaintedAt');
        const results: RenderCount[] = [];
        for (const scenario of SCENARIOS) {
          await scenario.prepare?.(page);
          await settle(page);
          await page.evaluate('window.__renders.reset()');
          await scenario.act(page);
          await settle(page);
          const counts = (await page.evaluate('window.__renders.read()')) as Omit<
            RenderCount,
            'action' | 'actions'
          >;
          results.push({ action: scenario.action, actions: scenario.actions, ...counts });
          await scenario.undo?.(page);
        }
        return results;
      },
      [COMMIT_PROBE],
    );
  } finally {
    await browser.close();
  }
}

/** Past debounces (the key filter waits 250 ms), refetches and lazy chunks arriving. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(600);
}
