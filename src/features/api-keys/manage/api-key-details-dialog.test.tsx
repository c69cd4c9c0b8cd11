import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SEED_KEY_IDS } from '../../../../sandbox/seed/api-keys';
import { KEYS } from '../../../../sandbox/testing/sandbox-test-client';
import { formatLocal, formatUtc } from '../../../lib/format-date';
import { setupJobsFake } from '../../../test/jobs-fake';
import { renderWithClient } from '../../../test/render-with-client';
import { setupSandbox } from '../../../test/sandbox-server';
import { getAllDeployments } from '../../deployments/api/v2/get-deployments';
import { toDeploymentRecordV2 } from '../api/v2/api-key-v2-adapter';
import { ApiKeyDetailsDialog } from './api-key-details-dialog';

const sandbox = setupSandbox();
const jobs = setupJobsFake();

async function renderDialog(keyId: string) {
  const deployments = (await getAllDeployments(1)).map(toDeploymentRecordV2);
  const onClose = vi.fn();
  const onEdit = vi.fn();
  const onDelete = vi.fn();
  const result = renderWithClient(
    <ApiKeyDetailsDialog
      keyId={keyId}
      projectId={1}
      deployments={deployments}
      onClose={onClose}
      onEdit={onEdit}
      onDelete={onDelete}
      onRotate={vi.fn()}
    />,
  );
  const dialog = screen.getByRole('dialog', { name: 'API key details' });
  return { ...result, onClose, onEdit, onDelete, dialog };
}

/** The definition next to a term of the dialog's description list. */
function fact(dialog: HTMLElement, term: string) {
  const dt = within(dialog).getByText(term, { selector: 'dt' });
  const dd = dt.nextElementSibling;
  if (!(dd instanceof HTMLElement)) throw new Error(`no definition for ${term}`);
  return dd;
}

describe('ApiKeyDetailsDialog', () => {
  it('opens the activity of this key, by its name and its id, as a new history entry', async () => {
    window.history.replaceState(null, '', `/?key=${SEED_KEY_IDS.mobileAppProd}`);
    const { dialog, user } = await renderDialog(SEED_KEY_IDS.mobileAppProd);
    await within(dialog).findByText('mobile-app-prod');
    const before = window.history.length;
    await user.click(within(dialog).getByRole('button', { name: 'Activity for this key' }));
    const search = new URLSearchParams(window.location.search);
    expect(search.get('view')).toBe('activity');
    expect(search.get('key')).toBe('mobile-app-prod');
    expect(search.get('key_id')).toBe(SEED_KEY_IDS.mobileAppProd);
    expect(window.history.length).toBe(before + 1);
    window.history.replaceState(null, '', '/');
  });

  it('shows what the API says about the key, never a secret', async () => {
    const { dialog } = await renderDialog(SEED_KEY_IDS.mobileAppProd);
    expect(within(dialog).getByRole('status')).toHaveTextContent('Loading the key…');
    await within(dialog).findByText('mobile-app-prod');
    expect(fact(dialog, 'ID')).toHaveTextContent(SEED_KEY_IDS.mobileAppProd);
    expect(fact(dialog, 'Status')).toHaveTextContent('Active');
    expect(fact(dialog, 'Description')).toHaveTextContent('None');
    await waitFor(() => expect(fact(dialog, 'Project')).toHaveTextContent(/^default$/));
    expect(dialog).not.toHaveTextContent(/Project ID/);
    const created = new Date('2024-09-12T14:05:00Z');
    expect(fact(dialog, 'Created')).toHaveTextContent(formatLocal(created));
    expect(fact(dialog, 'Created')).toHaveTextContent(formatUtc(created));
    const expires = new Date('2099-12-31T23:59:59Z');
    expect(fact(dialog, 'Expires')).toHaveTextContent(/^In \d+ years/);
    expect(fact(dialog, 'Expires')).toHaveTextContent(formatLocal(expires));
    expect(fact(dialog, 'Expires')).toHaveTextContent(formatUtc(expires));
    const instances = within(fact(dialog, 'Deployments')).getAllByRole('listitem');
    expect(instances.map((item) => item.textContent)).toEqual([
      'llama-3-8b-chatActive',
      'mistral-7b-instructActive',
    ]);
    expect(dialog).not.toHaveTextContent(/secret/i);
  });

  it('gives each time once where the local clock is UTC', async () => {
    const original = process.env.TZ;
    process.env.TZ = 'UTC';
    try {
      const { dialog } = await renderDialog(SEED_KEY_IDS.mobileAppProd);
      await within(dialog).findByText('mobile-app-prod');
      expect(fact(dialog, 'Created')).toHaveTextContent(/^12 Sept 2024, 14:05 UTC$/);
      expect(fact(dialog, 'Expires')).toHaveTextContent(/^In \d+ years31 Dec 2099, 23:59 UTC$/);
    } finally {
      process.env.TZ = original;
    }
  });

  it('says Never for a key without expiry, and Expired for one past it', async () => {
    const { dialog, unmount } = await renderDialog(SEED_KEY_IDS.ciPipeline);
    await within(dialog).findByText('ci-pipeline');
    expect(fact(dialog, 'Expires')).toHaveTextContent(/^Never$/);
    expect(fact(dialog, 'Description')).toHaveTextContent('Used by the CI smoke tests');
    unmount();
    const old = await renderDialog(SEED_KEY_IDS.oldDemo);
    await within(old.dialog).findByText('old-demo');
    expect(fact(old.dialog, 'Status')).toHaveTextContent('Expired');
    expect(fact(old.dialog, 'Expires')).toHaveTextContent(/^Expired \d+ \w+ ago/);
    expect(fact(old.dialog, 'Deployments')).toHaveTextContent('None');
  });

  it('says plainly when the key does not exist', async () => {
    const { dialog } = await renderDialog('0badc0de-0000-4000-8000-000000000000');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'This API key does not exist (any more).',
    );
    expect(within(dialog).queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('treats a malformed id (a hand-edited link) as a key that does not exist', async () => {
    const { dialog } = await renderDialog('not-a-key-id');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'This API key does not exist (any more).',
    );
  });

  it('shows another failure with its request id, and loads on Retry', async () => {
    sandbox.faults.arm({
      method: 'GET',
      path: `${KEYS}/`,
      status: 503,
      body: { exception_class: 'Unavailable', message: 'Try later.', request_id: 'rid-503' },
    });
    const { user, dialog } = await renderDialog(SEED_KEY_IDS.ciPipeline);
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Try later.');
    expect(alert).toHaveTextContent('rid-503');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await within(dialog).findByText('ci-pipeline');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('explains a 403 in plain words, the API’s own words and request id behind a disclosure', async () => {
    sandbox.faults.arm({
      method: 'GET',
      path: `${KEYS}/`,
      status: 403,
      body: { exception_class: 'Forbidden', message: 'Not for you.', request_id: 'rid-403' },
    });
    const { dialog } = await renderDialog(SEED_KEY_IDS.ciPipeline);
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      /Could not load the key: This dashboard’s Gcore account may not do this\./,
    );
    expect(
      within(alert).getByText(/HTTP 403: Not for you\. \(request ID rid-403\)/),
    ).not.toBeVisible();
    expect(within(alert).getByText('Details for your administrator')).toBeVisible();
  });

  it('hands the loaded key to Edit and Delete, and closes on Close', async () => {
    const { user, dialog, onEdit, onDelete, onClose } = await renderDialog(SEED_KEY_IDS.ciPipeline);
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.click(await within(dialog).findByRole('button', { name: 'Edit' }));
    expect(onEdit).toHaveBeenCalledWith(
      expect.objectContaining({ id: SEED_KEY_IDS.ciPipeline, name: 'ci-pipeline' }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(onDelete).toHaveBeenCalledWith(expect.objectContaining({ id: SEED_KEY_IDS.ciPipeline }));
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('says a binding job of the key did not land, beside "unlocks no deployment", with Retry', async () => {
    const job = jobs.seed({
      kind: 'bind',
      project_id: 1,
      key_name: 'old-demo',
      deployments: ['whisper-large-v3'],
    });
    jobs.fail(job.id, "The API's task failed: GPU quota", 'whisper-large-v3');
    const { user } = renderWithClient(
      <ApiKeyDetailsDialog
        keyId="old-demo"
        projectId={1}
        deployments={[]}
        onClose={vi.fn()}
        onEdit={vi.fn()}
        onRotate={vi.fn()}
        onDelete={vi.fn()}
      />,
      { generation: 'v3' },
    );
    const dialog = await screen.findByRole('dialog', { name: 'API key details' });
    await within(dialog).findByText('old-demo');
    const deployments = fact(dialog, 'Deployments');
    expect(deployments).toHaveTextContent('None: this key unlocks no deployment.');
    await waitFor(() =>
      expect(deployments).toHaveTextContent(
        "Binding to whisper-large-v3 failed: The API's task failed: GPU quota",
      ),
    );
    await user.click(
      within(deployments).getByRole('button', {
        name: 'Retry binding old-demo to whisper-large-v3',
      }),
    );
    await waitFor(() =>
      expect(within(deployments).getByRole('status')).toHaveTextContent('Retrying…'),
    );
    expect(jobs.log.filter((entry) => entry.path === `/__app/jobs/${job.id}/retry`)).toHaveLength(
      1,
    );
  });
});
