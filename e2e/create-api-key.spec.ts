import { SEED_DEPLOYMENT_IDS } from '../sandbox/seed/deployments';
import { expect, openCreateForm, test } from './fixtures';

test.describe('create an API key', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('fill, create, reveal, copy, Done: the secret reaches the clipboard and nowhere else', async ({
    page,
    sandbox,
  }) => {
    await openCreateForm(page);
    await page.getByRole('textbox', { name: 'Name' }).fill('support-bot');
    await page
      .getByRole('textbox', { name: 'Description', exact: true })
      .fill('Support portal assistant');
    await page.getByRole('checkbox', { name: /^llama-3-8b-chat/ }).check();
    await page.getByRole('combobox', { name: 'Expiration' }).selectOption({ label: '7 days' });
    const before = Date.now();
    await page.getByRole('button', { name: 'Create API key' }).click();

    const dialog = page.getByRole('dialog', { name: 'Save your API key' });
    await expect(dialog).toBeVisible();
    const copy = dialog.getByRole('button', { name: 'Copy secret' });
    await expect(copy).toBeFocused();
    const secretField = dialog.getByLabel('Secret', { exact: true });
    await expect(secretField).toHaveValue('•'.repeat(32));
    await dialog.getByRole('button', { name: 'Show secret' }).click();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    await expect(dialog).toContainText('support-bot');
    await expect(dialog).toContainText('llama-3-8b-chat');
    await expect(dialog).toContainText('X-API-Key');

    await copy.click();
    await expect(dialog.getByRole('status')).toHaveText('Copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    const [create] = await sandbox.creates();
    expect(create?.authorization).toBe('valid');
    expect(create?.body).toMatchObject({
      name: 'support-bot',
      description: 'Support portal assistant',
      inference_instance_ids: [SEED_DEPLOYMENT_IDS.llamaChat],
      project_id: 1,
    });
    const expiresAt = Date.parse((create?.body as { expires_at: string }).expires_at);
    const week = 7 * 24 * 3600_000;
    expect(expiresAt).toBeGreaterThanOrEqual(before + week - 2 * 3600_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + week + 2 * 3600_000);

    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
    // The sheet has closed; its form is reset, ready for the next key.
    await expect(page.getByRole('textbox', { name: 'Name', includeHidden: true })).toHaveValue('');
    // The new key is in the list without a reload, marked new, and focus is on its row.
    const row = page
      .getByRole('table', { name: 'API keys' })
      .getByRole('row')
      .filter({ hasText: 'support-bot' });
    await expect(row).toContainText('New');
    await expect(row).toBeFocused();

    const html = await page.content();
    expect(html).not.toContain(secret);
    const stored = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    expect(stored).not.toContain(secret);
    expect(page.url()).not.toContain(secret);
  });

  test('a double click and Enter presses send exactly one POST', async ({ page, sandbox }) => {
    await sandbox.fault({
      method: 'POST',
      path: '/cloud/v2/inference/api_keys',
      delayMs: 800,
      passThrough: true,
    });
    await openCreateForm(page);
    const name = page.getByRole('textbox', { name: 'Name' });
    await name.fill('one-only');
    await page.getByRole('button', { name: 'Create API key' }).dblclick();
    await name.press('Enter');
    await name.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Save your API key' })).toBeVisible();
    expect(await sandbox.creates()).toHaveLength(1);
  });
});

test.describe('custom expiry in a half-hour-offset zone', () => {
  test.use({ timezoneId: 'Asia/Kolkata' });

  test('a local date and time is sent as the right UTC instant', async ({ page, sandbox }) => {
    await openCreateForm(page);
    await page.getByRole('textbox', { name: 'Name' }).fill('kolkata-key');
    await page.getByRole('combobox', { name: 'Expiration' }).selectOption('custom');
    await page.getByLabel('Expiration date and time').fill('2027-03-01T09:00');
    await expect(page.getByText(/1 Mar 2027, 03:30 UTC/)).toBeVisible();
    await page.getByRole('button', { name: 'Create API key' }).click();
    await expect(page.getByRole('dialog', { name: 'Save your API key' })).toBeVisible();
    const [create] = await sandbox.creates();
    expect(create?.body).toMatchObject({ expires_at: '2027-03-01T03:30:00Z' });
  });
});
