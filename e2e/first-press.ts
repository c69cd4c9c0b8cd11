import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import type { Press } from './pointer-press';

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
