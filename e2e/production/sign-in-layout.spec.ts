import { PROJECTS_PATH } from '../../src/features/projects/api/project-schemas';
import { expect, test } from '../fixtures';
import { expectNothingMoves } from '../layout-still';

// The token's error (empty, or the API's refusal, the longest message) takes the hint's place:
// what follows the field stays where a pointer may already be pressing it.
for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    for (const { token, error, forbidden = false } of [
      { token: '', error: /^Paste your permanent API token\./ },
      { token: 'not-a-real-token', error: /^Gcore did not accept this token\./ },
      // The longest message there is: a valid token whose role may not use Inference.
      { token: 'viewer-token', error: /^This token is valid, but its role/, forbidden: true },
    ]) {
      test(`sign-in: “${error.source}” moves nothing below the field`, async ({ page }) => {
        if (forbidden) {
          await page.route(`**${PROJECTS_PATH}?*`, (route) =>
            route.fulfill({ status: 403, json: { message: 'Forbidden' } }),
          );
        }
        await page.goto('/');
        const field = page.getByLabel('API token');
        const below = [
          page.getByText('Where do I get a token?'),
          page.getByRole('checkbox', { name: /Remember in this tab/ }),
          page.getByRole('button', { name: 'Sign in' }),
        ];
        await expectNothingMoves(below, async () => {
          await field.fill(token);
          await field.press('Enter');
          await expect(field).toHaveAccessibleDescription(error);
        });
        await expect(field).toHaveValue(token);
      });
    }
  });
}
