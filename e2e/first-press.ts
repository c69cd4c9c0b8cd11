import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { pressWithMouse, pressWithTouch, type Press } from './pointer-press';

/** The create form's deployment checklist. */
export const instancesGroup = (page: Page) => page.getByRole('group', { name: 'Deployments' });

/** One deployment's row: the label around its checkbox, which is what a person aims at. */
export const deploymentRow = (page: Page, deployment: string) =>
  instancesGroup(page)
    .locator('label')
    .filter({ has: page.getByRole('checkbox', { name: new RegExp(`^${deployment}`) }) });

/**
 * Name left with an error (Name has focus, so pressing a deployment blurs it and raises the
 * error); each press must tick the deployment pressed, and only it.
 */
export async function pressTwoDeployments(
  page: Page,
  press: Press,
  options: { nameError: string; deployments: readonly [string, string] },
): Promise<void> {
  const name = page.getByRole('textbox', { name: 'Name' });
  await expect(name).toBeFocused();
  const [first, second] = options.deployments;
  const checkbox = (deployment: string): Locator =>
    instancesGroup(page).getByRole('checkbox', { name: new RegExp(`^${deployment}`) });

  await press(page, deploymentRow(page, first));
  await expect(page.getByText(options.nameError)).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(checkbox(first)).toBeChecked();
  await expectOnlyTicked(page, [first]);

  await press(page, deploymentRow(page, second));
  await expect(checkbox(second)).toBeChecked();
  await expectOnlyTicked(page, [first, second]);
}

async function expectOnlyTicked(page: Page, deployments: readonly string[]) {
  const boxes = instancesGroup(page).getByRole('checkbox');
  const count = await boxes.count();
  expect(count).toBeGreaterThan(deployments.length);
  for (let i = 0; i < count; i += 1) {
    const box = boxes.nth(i);
    const label = await box.evaluate((input) => input.closest('label')?.textContent ?? '');
    const wanted = deployments.some((d) => label.startsWith(d));
    if (wanted) await expect(box, label).toBeChecked();
    else await expect(box, label).not.toBeChecked();
  }
}

export type FirstPressCase = { title: string; typed: string; nameError: string };
const DEPLOYMENTS = ['llama-3-8b-chat', 'mistral-7b-instruct'] as const;

/**
 * For each case, Name is focused (and filled), so the first press on a deployment blurs it and
 * its error appears during the press: the press must still tick what was pressed, and only that.
 * With a mouse on a desktop and a finger on a phone; `open` opens each generation's create form.
 */
export function describeFirstPresses(
  cases: readonly FirstPressCase[],
  open: (page: Page) => Promise<unknown>,
) {
  const ways = [
    { title: 'desktop, mouse', press: pressWithMouse, phone: false },
    { title: 'phone, touch', press: pressWithTouch, phone: true },
  ] as const;
  for (const way of ways) {
    test.describe(way.title, () => {
      if (way.phone) {
        test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
      }
      for (const { title, typed, nameError } of cases) {
        test(`${title}: each first press on a deployment ticks it, and only it`, async ({
          page,
        }) => {
          await open(page);
          const name = page.getByRole('textbox', { name: 'Name' });
          await name.focus();
          if (typed) await name.fill(typed);
          await pressTwoDeployments(page, way.press, { nameError, deployments: DEPLOYMENTS });
          await expect(name).toHaveValue(typed);
        });
      }
    });
  }
}
