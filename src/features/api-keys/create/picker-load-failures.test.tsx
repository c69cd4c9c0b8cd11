import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEPLOYMENTS, PROJECTS } from '../../../../sandbox/testing/sandbox-test-client';
import { renderWithClient } from '../../../test/render-with-client';
import { setupSandbox } from '../../../test/sandbox-server';
import { CreateApiKeyForm } from './create-api-key-form';

const sandbox = setupSandbox();

describe('the pickers when their lists fail to load', () => {
  it('says why projects are missing, with the request id, and retries on request', async () => {
    sandbox.faults.arm({
      method: 'GET',
      path: PROJECTS,
      status: 503,
      body: {
        exception_class: 'ServiceUnavailable',
        message: 'Projects are down.',
        request_id: 'proj-rid',
      },
    });
    const { user } = renderWithClient(<CreateApiKeyForm />);
    const project = screen.getByRole('combobox', { name: 'Project' });
    await screen.findByText(/Could not load projects: Projects are down\. \(request ID proj-rid\)/);
    expect(project).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('option', { name: 'default' })).toBeInTheDocument();
    expect(project).toBeEnabled();
  });

  it('says why deployments are missing when a gateway answers with HTML, and retries', async () => {
    sandbox.faults.arm({
      method: 'GET',
      path: DEPLOYMENTS,
      status: 502,
      contentType: 'text/html',
      bodyText: '<html><body>Bad Gateway</body></html>',
    });
    const { user } = renderWithClient(<CreateApiKeyForm />);
    const group = await screen.findByRole('group', { name: 'Inference instances' });
    const alert = await within(group).findByRole('alert');
    expect(alert).toHaveTextContent('Could not load deployments: The API failed (HTTP 502).');
    expect(alert).not.toHaveTextContent('<html>');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('checkbox', { name: /^llama-3-8b-chat/ })).toBeInTheDocument();
  });
});
