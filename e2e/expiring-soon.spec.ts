import { test } from './fixtures';
import { expectExpiringSoonFilter } from './expiring-soon';

test('v2: the header counts a key expiring in 3 days and filters the list to it', async ({
  page,
}) => {
  await expectExpiringSoonFilter(page, 'expires-in-3-days');
});
