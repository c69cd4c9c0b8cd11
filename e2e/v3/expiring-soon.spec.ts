import { test } from '../fixtures';
import { expectExpiringSoonFilter } from '../expiring-soon';

test('v3: the header counts a key expiring in 3 days and filters the list to it', async ({
  page,
}) => {
  await expectExpiringSoonFilter(page, 'expires-in-3-days');
});

test('v3, on a phone: the same, and the count moves nothing in the header', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await expectExpiringSoonFilter(page, 'phone-expires-soon');
});
