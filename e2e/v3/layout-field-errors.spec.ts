import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { deploymentRow } from '../first-press';
import { expectNothingMoves, expectOneRow } from '../layout-still';
import { openCreateForm } from './create-form-helpers';
import { openRowAction } from './manage-row-action';

// v3's own messages (its name rule, its description limit); see e2e/layout-field-errors.spec.ts.
const NAME_CASES = [
  { typed: 'ab', error: 'Use at least 4 characters (this one has 2).' },
  {
    typed: 'my.key',
    error: '“.” is not allowed: use a–z, 0–9 and hyphens.',
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
        await name.focus();
        const next = [
          page.getByRole('textbox', { name: 'Description' }),
          deploymentRow(page, 'llama-3-8b-chat'),
        ];
        await expectNothingMoves(next, async () => {
          await name.fill(typed);
          await name.blur();
          await expect(page.getByText(error)).toBeVisible();
        });
      });
    }

    test('edit: a too-long description moves neither the checklist nor the buttons', async ({
      page,
    }) => {
      await page.goto('/');
      await openRowAction(page, 'ci-pipeline', 'Edit');
      const dialog = dialogNamed(page, 'Edit API key');
      const description = dialog.getByRole('textbox', { name: 'Description' });
      const buttons = [
        dialog.getByRole('button', { name: 'Cancel' }),
        dialog.getByRole('button', { name: 'Save changes' }),
      ];
      await expectOneRow(buttons);
      await expectNothingMoves([deploymentRow(page, 'llama-3-8b-chat')], async () => {
        await description.fill('x'.repeat(600));
        await description.blur();
        await expect(description).toHaveAccessibleDescription(/^Use at most \d+ characters/);
      });
      await expect(description).toHaveValue('x'.repeat(600));
    });

    test('detach and delete: a wrong confirmation says so, and the buttons stay put', async ({
      page,
    }) => {
      await page.goto('/');
      await openRowAction(page, 'ci-pipeline', 'Delete');
      const dialog = dialogNamed(page, 'Delete API key');
      const confirm = dialog.getByRole('textbox', { name: 'Type the key name to confirm' });
      await expect(confirm).toBeFocused();
      const buttons = [
        dialog.getByRole('button', { name: 'Cancel' }),
        dialog.getByRole('button', { name: 'Detach and delete' }),
      ];
      await expectOneRow(buttons);
      await expectNothingMoves(buttons, async () => {
        await confirm.fill('ci-pipe');
        await confirm.blur();
        await expect(confirm).toHaveAccessibleDescription(/^That is not this key’s name/);
      });
    });
  });
}
