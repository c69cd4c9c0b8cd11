import { expect, test } from '../fixtures';
import { pressTwoDeployments } from '../first-press';
import { pressWithMouse, pressWithTouch } from '../pointer-press';
import { openCreateForm } from './create-form-helpers';

// As on v2 (e2e/first-press.spec.ts), with v3's own name rule: a short name is an error here.
const CASES = [
  { title: 'Name left empty', typed: '', nameError: 'Enter a name for the key.' },
  { title: 'a short name', typed: 'ab', nameError: 'Use at least 4 characters (this one has 2).' },
  {
    title: 'a dotted name',
    typed: 'my.key',
    nameError:
      'Dots are not allowed: the API could not address a dotted key after creating it. Use hyphens.',
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
