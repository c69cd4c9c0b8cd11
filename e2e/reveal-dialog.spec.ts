import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, openCreateForm, test } from './fixtures';

async function createKey(page: Page, name: string) {
  await openCreateForm(page);
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await page.getByRole('checkbox', { name: /^llama-3-8b-chat/ }).check();
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save your API key' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('focus goes straight to Copy secret: no other control of the reveal takes it first', async ({
  page,
}) => {
  await openCreateForm(page);
  // Every control of the reveal that takes focus, in order: a screen reader announces each one.
  await page.evaluate(() => {
    const landed: string[] = [];
    (window as Window & { revealFocus?: string[] }).revealFocus = landed;
    document.addEventListener(
      'focusin',
      (event) => {
        const target = event.target instanceof HTMLElement ? event.target : null;
        const heading = target?.closest('dialog')?.querySelector('h2')?.textContent;
        if (target && heading === 'Save your API key') {
          landed.push(target.getAttribute('aria-label') ?? target.textContent ?? '');
        }
      },
      true,
    );
  });
  await page.getByRole('textbox', { name: 'Name' }).fill('straight-to-copy');
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save your API key' });
  await expect(dialog.getByRole('button', { name: 'Copy secret' })).toBeFocused();
  const landed = await page.evaluate(
    () => (window as Window & { revealFocus?: string[] }).revealFocus,
  );
  // On the dev server React's StrictMode mounts the dialog twice, and each mount focuses Copy:
  // the same control again, never another one first.
  expect([...new Set(landed)]).toEqual(['Copy secret']);
});

test('Escape, the close button and the backdrop ask before closing an uncopied secret', async ({
  page,
}) => {
  const dialog = await createKey(page, 'guarded');
  const confirm = dialog.getByText('Close without copying?');

  await page.keyboard.press('Escape');
  await expect(confirm).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep open' }).click();
  await expect(confirm).toBeHidden();

  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(confirm).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep open' }).click();

  await page.mouse.click(5, 5); // the backdrop
  await expect(confirm).toBeVisible();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close without copying' }).click();
  await expect(dialog).toBeHidden();
});

test('Done asks before closing an uncopied secret; Keep open returns to Done; once copied it closes', async ({
  page,
}) => {
  const dialog = await createKey(page, 'done-guarded');
  const done = dialog.getByRole('button', { name: 'Done' });
  const question = dialog.getByRole('group', { name: /^Close without copying\?/ });

  await done.click();
  await expect(question).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep open' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Keep open' }).click();
  await expect(question).toBeHidden();
  await expect(done).toBeFocused();
  await expect(dialog).toBeVisible();

  await dialog.getByRole('button', { name: 'Copy secret' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Copied to the clipboard.');
  await done.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: 'done-guarded' })).toBeFocused();
});

test('Escape asks, then Copy: the question goes and Done is back', async ({ page }) => {
  const dialog = await createKey(page, 'escape-then-copy');
  await page.keyboard.press('Escape');
  await expect(dialog.getByText('Close without copying?')).toBeVisible();
  await dialog.getByRole('button', { name: 'Copy secret' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Copied to the clipboard.');
  await expect(dialog.getByText('Close without copying?')).toBeHidden();
  await expect(dialog.getByRole('button', { name: 'Close without copying' })).toBeHidden();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: 'escape-then-copy' })).toBeFocused();
});

test('a drag that starts on the secret and ends on the backdrop neither closes nor asks', async ({
  page,
}) => {
  const dialog = await createKey(page, 'drag-select');
  const field = await dialog.getByLabel('Secret', { exact: true }).boundingBox();
  if (!field) throw new Error('the secret field has no box');
  await page.mouse.move(field.x + 5, field.y + field.height / 2);
  await page.mouse.down();
  await page.mouse.move(5, 5, { steps: 5 }); // out onto the backdrop
  await page.mouse.up();
  await expect(dialog.getByRole('button', { name: 'Done' })).toBeVisible();
  await expect(dialog.getByText('Close without copying?')).toBeHidden();
  await expect(dialog).toBeVisible();
});

test('once copied, Escape closes at once and focus lands on the new key’s row', async ({
  page,
}) => {
  const dialog = await createKey(page, 'copied-then-escape');
  await dialog.getByRole('button', { name: 'Copy secret' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Copied to the clipboard.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: 'copied-then-escape' })).toBeFocused();
});

test('leaving the page with an uncopied secret asks first', async ({ page }) => {
  await createKey(page, 'before-unload');
  let asked = false;
  page.once('dialog', (prompt) => {
    asked = prompt.type() === 'beforeunload';
    void prompt.dismiss();
  });
  // Not awaited: a dismissed reload never finishes loading.
  void page.reload().catch(() => undefined);
  await expect.poll(() => asked).toBe(true);
  // Dismissed: the page, and the dialog with it, stays.
  await expect(page.getByRole('dialog', { name: 'Save your API key' })).toBeVisible();
});

test('the secret can be shown, and the reveal is keyboard-only usable', async ({ page }) => {
  const dialog = await createKey(page, 'keyboard-only');
  const field = dialog.getByLabel('Secret', { exact: true });
  await page.keyboard.press('Enter'); // the focused Copy button
  await expect(dialog.getByRole('status')).toHaveText('Copied to the clipboard.');
  await expect(field).toHaveValue('•'.repeat(32));
  await dialog.getByRole('button', { name: 'Show secret' }).press('Enter');
  await expect(field).toHaveValue(/^[\w-]{43,}$/);
  await dialog.getByRole('button', { name: 'Done' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
});

test('Copy leads until used, then says Copied ✓ and Done leads; Show and Hide toggle', async ({
  page,
}) => {
  const dialog = await createKey(page, 'lead-switch');
  const copy = dialog.getByRole('button', { name: 'Copy secret' });
  const done = dialog.getByRole('button', { name: 'Done' });
  await expect(copy).toHaveClass(/bg-accent/);
  await expect(done).not.toHaveClass(/bg-accent/);
  await copy.click();
  const copied = dialog.getByRole('button', { name: 'Copied' });
  await expect(copied).toHaveText('Copied ✓');
  await expect(copied).not.toHaveClass(/bg-accent/);
  await expect(done).toHaveClass(/bg-accent/);

  const field = dialog.getByLabel('Secret', { exact: true });
  await dialog.getByRole('button', { name: 'Show secret' }).click();
  await expect(field).toHaveValue(/^[\w-]{43,}$/);
  await dialog.getByRole('button', { name: 'Hide secret' }).click();
  await expect(field).toHaveValue('•'.repeat(32));
});

test('the snippet wraps and its own button copies exactly it, never the secret', async ({
  page,
}) => {
  const dialog = await createKey(page, 'snippet-copy');
  const snippet = dialog.getByRole('region', { name: 'Example call' });
  await expect(snippet).toHaveCSS('white-space', 'pre-wrap');
  await expect(snippet).toHaveCSS('overflow-wrap', 'anywhere');
  await dialog.getByRole('button', { name: 'Copy snippet' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toHaveText('Copied ✓');
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  expect(clipboard).toBe(await snippet.textContent());
  expect(clipboard).toContain('read -rs INFERENCE_API_KEY');
  // Copying the snippet is not copying the secret: closing still asks.
  await page.keyboard.press('Escape');
  await expect(dialog.getByText('Close without copying?')).toBeVisible();
});

test('on a phone, each chosen deployment’s call is picked by name and shown whole', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openCreateForm(page);
  await page.getByRole('textbox', { name: 'Name' }).fill('two-snippets');
  await page.getByRole('checkbox', { name: /^llama-3-8b-chat/ }).check();
  await page.getByRole('checkbox', { name: /^mistral-7b-instruct/ }).check();
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save your API key' });
  const snippet = dialog.getByRole('region', { name: 'Example call' });
  await expect(snippet).toContainText(/https:\/\/llama-3-8b-chat-[\w-]+\.ai\.gcore\.dev/);
  await dialog.getByRole('combobox', { name: 'Deployment' }).selectOption('mistral-7b-instruct');
  await expect(snippet).toContainText(/https:\/\/mistral-7b-instruct-[\w-]+\.ai\.gcore\.dev/);
  await expect(snippet).not.toContainText('llama');
  // Nothing hides past the edge: the box holds all of its text, inside the phone's width.
  const fits = await snippet.evaluate((pre) => pre.scrollWidth <= pre.clientWidth);
  expect(fits).toBe(true);
  const box = await snippet.boundingBox();
  if (!box) throw new Error('the snippet has no box');
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await expectNoAxeViolations(page, 'dialog');
});

test('on a phone the secret has a full-width row of its own', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const dialog = await createKey(page, 'phone-secret');
  const field = await dialog.getByLabel('Secret', { exact: true }).boundingBox();
  const copy = await dialog.getByRole('button', { name: 'Copy secret' }).boundingBox();
  if (!field || !copy) throw new Error('no box');
  expect(field.width).toBeGreaterThan(250);
  expect(copy.y).toBeGreaterThanOrEqual(field.y + field.height);
});

test('the form and the dialog have no axe violations', async ({ page }) => {
  await openCreateForm(page);
  await expectNoAxeViolations(page);
  await createKey(page, 'axe-check');
  await expectNoAxeViolations(page, 'dialog');
});
