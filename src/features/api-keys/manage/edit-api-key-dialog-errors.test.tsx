import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { KEYS } from '../../../../sandbox/testing/sandbox-test-client';
import { renderEditDialog } from '../../../test/edit-dialog';
import { holdRequests } from '../../../test/hold-requests';
import { renderWithClient } from '../../../test/render-with-client';
import { setupSandbox } from '../../../test/sandbox-server';
import { seedApiKey } from '../../../test/seed-api-key';
import { EditApiKeyDialog } from './edit-api-key-dialog';

const sandbox = setupSandbox();
const KEY_PATH = `${KEYS}/`;
const patches = () => sandbox.requestLog.entries().filter((e) => e.method === 'PATCH');

const renderDialog = renderEditDialog;

describe('EditApiKeyDialog when saving fails or repeats', () => {
  it('puts a 400 on its field, focused, keeping what was typed', async () => {
    sandbox.faults.arm({
      method: 'PATCH',
      path: KEY_PATH,
      status: 400,
      body: {
        exception_class: 'ValidationError',
        message: "Validation Error: {'description': ['Too long.']}",
        request_id: 'req-400',
        invalid_fields: { description: ['Too long.'] },
      },
    });
    const { user, description, save, onSaved } = await renderDialog('mobileAppProd');
    await user.type(description, 'far too long');
    await user.click(save);
    await waitFor(() => expect(description).toHaveAttribute('aria-invalid', 'true'));
    expect(description).toHaveAccessibleDescription(/Too long\./);
    expect(description).toHaveFocus();
    expect(description).toHaveValue('far too long');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('after a 500 shows the request id, keeps the input and saves again when asked', async () => {
    sandbox.faults.arm({
      method: 'PATCH',
      path: KEY_PATH,
      status: 500,
      body: { exception_class: 'InternalError', message: 'Boom.', request_id: 'rid-500' },
    });
    const { user, dialog, description, save, onSaved } = await renderDialog('mobileAppProd');
    await user.type(description, 'second try');
    await user.click(save);
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Boom.');
    expect(alert).toHaveTextContent('rid-500');
    expect(alert).toHaveTextContent(/may or may not have been saved/);
    expect(description).toHaveValue('second try');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(patches()).toHaveLength(2);
  });

  it('sends one PATCH however fast the button is pressed', async () => {
    const letThrough = holdRequests((method) => method === 'PATCH');
    const { user, description, save, onSaved } = await renderDialog('mobileAppProd');
    await user.type(description, 'once');
    await user.dblClick(save);
    await user.click(save);
    expect(save).toBeDisabled();
    letThrough();
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(patches()).toHaveLength(1);
  });

  it('closes on Cancel without sending', async () => {
    const { user, dialog, onClose } = await renderDialog('mobileAppProd');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledOnce();
    expect(patches()).toHaveLength(0);
  });

  it('names bindings the picker cannot show, since changing the selection drops them', async () => {
    const unknownId = '99999999-9999-4999-8999-999999999999';
    const apiKey = seedApiKey('ciPipeline');
    renderWithClient(
      <EditApiKeyDialog
        apiKey={{
          ...apiKey,
          deploymentRefs: [...apiKey.deploymentRefs, unknownId],
        }}
        projectId={1}
        onClose={vi.fn()}
        onSaved={vi.fn()}
      />,
    );
    const note = await screen.findByText(/also bound to a deployment not in this project/);
    expect(note.parentElement).toHaveTextContent('99999999…');
    expect(note.parentElement).toHaveTextContent('unknown');
    expect(screen.getByRole('checkbox', { name: /^llama-3-8b-chat/ })).toBeChecked();
  });
});
