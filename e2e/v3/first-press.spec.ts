import { expect, test } from '../fixtures';
import { deploymentRow, describeFirstPresses } from '../first-press';
import { expectNothingMoves } from '../layout-still';
import { pressWithMouse } from '../pointer-press';
import { openCreateForm } from './create-form-helpers';

// As on v2 (e2e/first-press.spec.ts), with v3's own name rule: a short name is an error here.
const CASES = [
  { title: 'Name left empty', typed: '', nameError: 'Enter a name for the key.' },
  { title: 'a short name', typed: 'ab', nameError: 'Use at least 4 characters (this one has 2).' },
  {
    title: 'a dotted name',
    typed: 'my.key',
    nameError: '“.” is not allowed: use a–z, 0–9 and hyphens.',
  },
] as const;

describeFirstPresses(CASES, openCreateForm);

test('ticking a deployment with no key shows the auth notice without moving any other row', async ({
  page,
}) => {
  await openCreateForm(page);
  const others = ['bge-m3-embeddings', 'llama-3-8b-chat', 'mistral-7b-instruct'];
  // On screen before the first measure: the press itself must not need to scroll.
  await deploymentRow(page, 'phi-3-mini-4k').scrollIntoViewIfNeeded();
  await expectNothingMoves(
    others.map((deployment) => deploymentRow(page, deployment)),
    async () => {
      await pressWithMouse(page, deploymentRow(page, 'phi-3-mini-4k'));
      await expect(
        page.getByRole('group', { name: 'Key authentication turns on for a deployment' }),
      ).toBeVisible();
    },
  );
  await expect(page.getByRole('checkbox', { name: /^phi-3-mini-4k/ })).toBeChecked();
});
