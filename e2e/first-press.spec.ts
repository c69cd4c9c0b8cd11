import { expect, openCreateForm, test } from './fixtures';
import { pressTwoDeployments } from './first-press';
import { pressWithMouse, pressWithTouch } from './pointer-press';

// Name is focused when the sheet opens, so the first press on a deployment blurs it and its error
// appears during the press: the press must still tick what was pressed, and only that.
const CASES = [
  { title: 'Name left empty', typed: '', nameError: 'Enter a name for the key.' },
  {
    title: 'an invalid name',
    typed: 'My Key',
    nameError: 'Use lower-case letters only: “M” is upper-case.',
  },
] as const;
const DEPLOYMENTS = ['llama-3-8b-chat', 'mistral-7b-instruct'] as const;

test.describe('desktop, mouse', () => {
  for (const { title, typed, nameError } of CASES) {
    test(`${title}: each first press on a deployment ticks it, and only it`, async ({ page }) => {
      await openCreateForm(page);
      const name = page.getByRole('textbox', { name: 'Name' });
      await name.focus();
      if (typed) await name.fill(typed);
      await pressTwoDeployments(page, pressWithMouse, { nameError, deployments: DEPLOYMENTS });
    });
  }
});

test.describe('phone, touch', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  for (const { title, typed, nameError } of CASES) {
    test(`${title}: each first tap on a deployment ticks it, and only it`, async ({ page }) => {
      await openCreateForm(page);
      const name = page.getByRole('textbox', { name: 'Name' });
      await name.focus();
      if (typed) await name.fill(typed);
      await pressTwoDeployments(page, pressWithTouch, { nameError, deployments: DEPLOYMENTS });
      await expect(name).toHaveValue(typed);
    });
  }
});
