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
    const group = await screen.findByRole('group', { name: 'Deployments' });
    const alert = await within(group).findByRole('alert');
    expect(alert).toHaveTextContent('Could not load deployments: The API failed (HTTP 502).');
    expect(alert).not.toHaveTextContent('<html>');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('checkbox', { name: /^llama-3-8b-chat/ })).toBeInTheDocument();
  });

  it('explains a 403 on the deployments in plain words, with the API’s own behind a disclosure', async () => {
    sandbox.faults.arm({
      method: 'GET',
      path: DEPLOYMENTS,
      status: 403,
      body: {
        exception_class: 'Forbidden',
        message: 'Role may not read inference.',
        request_id: 'dep-rid',
      },
    });
    const { user } = renderWithClient(<CreateApiKeyForm />);
    const group = await screen.findByRole('group', { name: 'Deployments' });
    const alert = await within(group).findByRole('alert');
    expect(alert).toHaveTextContent(
      /Could not load deployments: This dashboard’s Gcore account may not do this\./,
    );
    const detail = within(alert).getByText(/HTTP 403: Role may not read inference\./);
    expect(detail).not.toBeVisible();
    await user.click(within(alert).getByText('Details for your administrator'));
    expect(detail).toBeVisible();
    expect(detail).toHaveTextContent('request ID dep-rid');
  });

  it('explains a 401 on the projects in plain words: nothing the user can fix by retyping', async () => {
    sandbox.faults.arm({
      method: 'GET',
      path: PROJECTS,
      status: 401,
      body: { exception_class: 'Unauthorized', message: 'Token expired.' },
    });
    renderWithClient(<CreateApiKeyForm />);
    expect(
      await screen.findByText(
        /Could not load projects: The dashboard cannot sign in to Gcore at the moment\./,
      ),
    ).toBeInTheDocument();
  });
});
