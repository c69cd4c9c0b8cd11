import { expect, openCreateForm, test } from './fixtures';

const CREATE = '/cloud/v2/inference/api_keys';

test('a name the API would reject is explained on the field, and nothing is sent', async ({
  page,
  sandbox,
}) => {
  await openCreateForm(page);
  const name = page.getByRole('textbox', { name: 'Name' });
  await expect(name).toHaveAccessibleDescription(/lower-case letters/);
  await name.fill('Prod Key');
  await name.blur();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/“P” is upper-case/);
  await page.getByRole('button', { name: 'Create API key' }).click();
  await expect(name).toBeFocused();
  await name.fill('prod-key');
  await expect(name).toHaveAttribute('aria-invalid', 'false');
  expect(await sandbox.creates()).toHaveLength(0);
});

test('a name already taken lands on Name (409 from the API)', async ({ page }) => {
  await openCreateForm(page);
  const name = page.getByRole('textbox', { name: 'Name' });
  await name.fill('ci-pipeline');
  await page.getByRole('button', { name: 'Create API key' }).click();
  await expect(name).toHaveAccessibleDescription(/“ci-pipeline” already exists/);
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('ci-pipeline');
});

test('server-side field errors land on their fields', async ({ page, sandbox }) => {
  await sandbox.fault({
    method: 'POST',
    path: CREATE,
    status: 400,
    body: {
      exception_class: 'ValidationError',
      message: "Validation Error: {'description': ['Too long.']}",
      request_id: 'f'.repeat(32),
      invalid_fields: { description: ['Too long.'] },
    },
  });
  await openCreateForm(page);
  await page.getByRole('textbox', { name: 'Name' }).fill('field-errors');
  await page.getByRole('textbox', { name: 'Description', exact: true }).fill('whatever');
  await page.getByRole('button', { name: 'Create API key' }).click();
  const description = page.getByRole('textbox', { name: 'Description', exact: true });
  await expect(description).toHaveAttribute('aria-invalid', 'true');
  await expect(description).toHaveAccessibleDescription(/^Too long\./);
  await expect(description).toBeFocused();
});

test('a 500 keeps every input and offers a retry that succeeds', async ({ page, sandbox }) => {
  await sandbox.fault({
    method: 'POST',
    path: CREATE,
    status: 500,
    body: {
      exception_class: 'InternalError',
      message: 'Something broke.',
      request_id: 'a'.repeat(32),
    },
  });
  await openCreateForm(page);
  await page.getByRole('textbox', { name: 'Name' }).fill('after-500');
  await page.getByRole('textbox', { name: 'Description', exact: true }).fill('kept');
  await page.getByRole('checkbox', { name: /^mistral-7b-instruct/ }).check();
  await page.getByRole('button', { name: 'Create API key' }).click();

  const alert = page.getByRole('alert').filter({ hasText: 'Something broke.' });
  await expect(alert).toContainText('a'.repeat(32));
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('after-500');
  await expect(page.getByRole('textbox', { name: 'Description', exact: true })).toHaveValue('kept');
  await expect(page.getByRole('checkbox', { name: /^mistral-7b-instruct/ })).toBeChecked();

  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('dialog', { name: 'Save your API key' })).toBeVisible();
  expect(await sandbox.creates()).toHaveLength(2);
});

test('a dropped connection keeps the inputs, says the outcome is unknown, and is not resent', async ({
  page,
  sandbox,
}) => {
  await sandbox.fault({ method: 'POST', path: CREATE, drop: true });
  await openCreateForm(page);
  await page.getByRole('textbox', { name: 'Name' }).fill('dropped');
  await page.getByRole('button', { name: 'Create API key' }).click();
  await expect(page.getByRole('alert')).toContainText('may or may not have been created');
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('dropped');
  await expect(page.getByRole('button', { name: 'Create API key' })).toBeEnabled();
  await expect(page.getByRole('dialog', { name: 'Save your API key' })).toBeHidden();
  expect(await sandbox.creates()).toHaveLength(1);
});

test('a create that never answers times out, says the outcome is unknown, and the list is one click away', async ({
  page,
  sandbox,
}) => {
  await sandbox.fault({ method: 'POST', path: CREATE, delayMs: 30_000, status: 200, body: {} });
  await openCreateForm(page);
  await page.getByRole('textbox', { name: 'Name' }).fill('slow-key');
  await page.getByRole('button', { name: 'Create API key' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Creating the key…' })).toBeVisible();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('did not answer within 5 s', { timeout: 15_000 });
  await expect(alert).toContainText('may or may not have been created');
  await alert.getByRole('button', { name: 'Check the key list' }).click();
  await expect(page).toHaveURL(/q=slow-key/);
  await expect(page.getByRole('heading', { name: 'API keys', exact: true })).toBeFocused();
  // The sheet made way for the list; what was typed waits in it.
  await expect(page.getByRole('textbox', { name: 'Name', includeHidden: true })).toHaveValue(
    'slow-key',
  );
  expect(await sandbox.creates()).toHaveLength(1);
});

test('a slow create can be cancelled by the user', async ({ page, sandbox }) => {
  await sandbox.fault({ method: 'POST', path: CREATE, delayMs: 30_000, passThrough: true });
  await openCreateForm(page);
  await page.getByRole('textbox', { name: 'Name' }).fill('cancelled-key');
  await page.getByRole('button', { name: 'Create API key' }).click();
  await page.getByRole('button', { name: 'Cancel request' }).click();
  await expect(page.getByRole('alert')).toContainText('You cancelled the request');
  await expect(page.getByRole('button', { name: 'Create API key' })).toBeEnabled();
  expect(await sandbox.creates()).toHaveLength(1);
});
