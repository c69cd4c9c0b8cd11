import { expect, test } from '../fixtures';
import { createButton, fillKey, openCreateForm } from './create-form-helpers';

test.use({ timezoneId: 'Asia/Kolkata' });

test('an expiry entered in Asia/Kolkata is sent and shown as the right UTC instant', async ({
  page,
  sandbox,
}) => {
  await openCreateForm(page);
  await fillKey(page, 'kolkata-expiry', []);
  await page.getByRole('combobox', { name: 'Expiration' }).selectOption('custom');
  await page.getByLabel('Expiration date and time').fill('2030-06-15T10:30');
  // 10:30 in India (UTC+5:30) is 05:00 UTC.
  await expect(page.getByTestId('resolved-expiry')).toContainText('15 Jun 2030, 05:00 UTC');
  await createButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Save your API key' });
  await expect(dialog).toContainText('15 Jun 2030, 05:00 UTC');
  await expect(dialog).toContainText('15 Jun 2030, 10:30');
  const [create] = await sandbox.requests({
    method: 'POST',
    path: '/cloud/v3/inference/1/api_keys',
  });
  expect(create?.body).toEqual({ name: 'kolkata-expiry', expires_at: '2030-06-15T05:00:00Z' });
});
