import type { Page } from '@playwright/test';
import { expect, openCreateForm, test } from './fixtures';
import { deploymentRow } from './first-press';
import { expectNothingMoves, expectOneRow } from './layout-still';
import { openRowAction } from './v3/manage-row-action';

// A message appearing under a field must not move what follows it: a press that began on the
// next field (or a deployment) has to end on it. Longest messages included, on a phone too.
const NAME_CASES = [
  { typed: '', error: 'Enter a name for the key.' },
  { typed: 'My Key!', error: 'Use lower-case letters only: “M” is upper-case.' },
  {
    typed: 'a-.b',
    error: 'A hyphen cannot stand next to a dot: put letters or digits on both sides of each dot.',
  },
] as const;

const dialogNamed = (page: Page, name: string) => page.getByRole('dialog', { name });

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    for (const { typed, error } of NAME_CASES) {
      test(`create: Name’s “${error}” moves neither Description nor the checklist`, async ({
        page,
      }) => {
        await openCreateForm(page);
        const name = page.getByRole('textbox', { name: 'Name' });
        const next = [
          page.getByRole('textbox', { name: 'Description' }),
          deploymentRow(page, 'llama-3-8b-chat'),
        ];
        await expectNothingMoves(next, async () => {
          await name.fill(typed);
          await name.blur();
          await expect(name).toHaveAccessibleDescription(new RegExp(`^${escape(error)}`));
          await expect(page.getByText(error)).toBeVisible();
        });
      });
    }

    test('create: a past custom expiry’s error moves nothing after it', async ({ page }) => {
      await openCreateForm(page);
      await page.getByRole('combobox', { name: 'Expiration' }).selectOption('custom');
      const date = page.getByLabel('Expiration date and time');
      await date.fill('2030-01-01T10:00');
      await expect(page.getByTestId('resolved-expiry')).toBeVisible();
      await expectNothingMoves(
        [page.locator('form').getByRole('button', { name: 'Create API key' })],
        async () => {
          await date.fill('2020-01-01T10:00');
          await date.blur();
          await expect(date).toHaveAccessibleDescription(/^Pick a time at least a minute from now/);
        },
      );
    });

    test('delete: a wrong confirmation says so, and the buttons stay put', async ({ page }) => {
      await page.goto('/');
      await openRowAction(page, 'ci-pipeline', 'Delete');
      const dialog = dialogNamed(page, 'Delete API key');
      const confirm = dialog.getByRole('textbox', { name: 'Type the key name to confirm' });
      await expect(confirm).toBeFocused();
      const buttons = [
        dialog.getByRole('button', { name: 'Cancel' }),
        dialog.getByRole('button', { name: 'Delete key' }),
      ];
      await expectOneRow(buttons);
      await expectNothingMoves(buttons, async () => {
        await confirm.fill('ci-pipe');
        await confirm.blur();
        await expect(confirm).toHaveAccessibleDescription(/^That is not this key’s name/);
      });
      await expect(confirm).toHaveValue('ci-pipe');
    });

    test('details: Delete, Edit and Close on one row', async ({ page }) => {
      await page.goto('/');
      await openRowAction(page, 'ci-pipeline', 'Details');
      const dialog = dialogNamed(page, 'API key details');
      await expectOneRow(
        ['Delete', 'Edit', 'Close'].map((name) =>
          dialog.getByRole('button', { name, exact: true }),
        ),
      );
    });

    test('edit: Cancel and Save on one row, staying put when the status speaks', async ({
      page,
    }) => {
      await page.goto('/');
      await openRowAction(page, 'ci-pipeline', 'Edit');
      const dialog = dialogNamed(page, 'Edit API key');
      const buttons = [
        dialog.getByRole('button', { name: 'Cancel' }),
        dialog.getByRole('button', { name: 'Save changes' }),
      ];
      await expectOneRow(buttons);
      await buttons[1]?.scrollIntoViewIfNeeded();
      // A second press on Save (a double click) must land where the first one did.
      await expectNothingMoves(buttons, async () => {
        await buttons[1]?.click();
        await expect(dialog.getByRole('status')).toHaveText(
          'Nothing to save: no field was changed.',
        );
      });
      await expectOneRow(buttons);
    });
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
