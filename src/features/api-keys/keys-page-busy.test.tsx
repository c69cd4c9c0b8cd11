import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { SEED_KEY_IDS } from '../../../sandbox/seed/api-keys';
import { Button } from '../../components/ui/button';
import { withApiVersionMeta } from '../../test/api-version-meta';
import { holdRequests } from '../../test/hold-requests';
import { renderWithClient } from '../../test/render-with-client';
import { setupSandbox } from '../../test/sandbox-server';
import { useUpdateKey } from './api/use-key-mutations';
import { KeysPage } from './keys-page';

withApiVersionMeta('v2');
setupSandbox();

beforeEach(() => window.history.replaceState(null, '', '/'));

const sheet = () => {
  const dialog = document.querySelector('dialog');
  if (!dialog) throw new Error('no sheet in the document');
  return dialog;
};
const nameField = () => screen.findByRole('textbox', { name: 'Name' }, { timeout: 10_000 });

/** An edit saved elsewhere on the page while the sheet is used: work that is not a create. */
function EditElsewhere() {
  const update = useUpdateKey(1);
  return (
    <>
      <Button
        onClick={() =>
          update.mutate({ keyId: SEED_KEY_IDS.ciPipeline, changes: { description: 'edited' } })
        }
      >
        Save an edit
      </Button>
      {update.isSuccess && <p>Edit saved</p>}
    </>
  );
}

async function renderAndOpenSheet() {
  const rendered = renderWithClient(
    <>
      <KeysPage />
      <EditElsewhere />
    </>,
  );
  const opener = screen.getByRole('button', { name: 'Create API key' });
  await waitFor(() => expect(opener).toBeEnabled());
  return { ...rendered, opener };
}

describe('KeysPage: only a create counts as a key being created', () => {
  it('leaves Discard and closing alone while an edit runs, and the sheet stays closed after it', async () => {
    const releaseEdit = holdRequests((method) => method === 'PATCH');
    const { user, opener } = await renderAndOpenSheet();
    await user.click(screen.getByRole('button', { name: 'Save an edit' }));
    await user.click(opener);
    await user.type(await nameField(), 'half-typed');
    expect(within(sheet()).getByRole('button', { name: 'Discard' })).toBeEnabled();

    await user.click(within(sheet()).getByRole('button', { name: 'Close' }));
    expect(screen.queryByText(/A key is being created/)).toBeNull();
    expect(sheet()).not.toHaveAttribute('open');

    releaseEdit();
    expect(await screen.findByText('Edit saved')).toBeInTheDocument();
    expect(sheet()).not.toHaveAttribute('open');
  });

  it('while a create runs: Discard is disabled, closing warns, and the answer brings the sheet back', async () => {
    const releaseCreate = holdRequests((method) => method === 'POST');
    const { user, opener } = await renderAndOpenSheet();
    await user.click(opener);
    await user.type(await nameField(), 'held-create');
    await user.click(within(sheet()).getByRole('button', { name: 'Create API key' }));
    expect(within(sheet()).getByRole('button', { name: 'Discard' })).toBeDisabled();

    await user.click(within(sheet()).getByRole('button', { name: 'Close' }));
    expect(within(sheet()).getByText(/A key is being created/)).toBeInTheDocument();
    await user.click(within(sheet()).getByRole('button', { name: 'Close for now' }));
    expect(sheet()).not.toHaveAttribute('open');

    releaseCreate();
    await waitFor(() => expect(sheet()).toHaveAttribute('open'));
  });
});
