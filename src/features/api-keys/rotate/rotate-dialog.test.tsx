import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupJobsFake } from '../../../test/jobs-fake';
import { renderWithClient } from '../../../test/render-with-client';
import { setupSandbox } from '../../../test/sandbox-server';
import { seedApiKey } from '../../../test/seed-api-key';
import { SEED_KEY_IDS } from '../../../../sandbox/seed/api-keys';
import type { ApiGeneration } from '../../../lib/api-config';
import type { KeyRecord } from '../api/key-model';
import { keysAdapterV3 } from '../api/v3/api-key-v3-adapter';
import { v3ApiKeysPath } from '../api/v3/api-key-v3-schemas';
import { RotateDialog } from './rotate-dialog';

const sandbox = setupSandbox();
const jobs = setupJobsFake();
const NOW = new Date('2030-01-01T00:00:00Z');
const V2_KEYS = '/cloud/v2/inference/api_keys';

beforeAll(() => import('../reveal/reveal-dialog'));
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

const creates = (path: string) =>
  sandbox.requestLog.entries().filter((e) => e.method === 'POST' && e.path === path);
const posted = (kind: string) =>
  jobs.log.filter((e) => e.method === 'POST' && (e.body as { kind?: string })?.kind === kind);

function renderRotate(apiKey: KeyRecord, generation: ApiGeneration = 'v2') {
  const onClose = vi.fn();
  const result = renderWithClient(
    <RotateDialog
      apiKey={apiKey}
      projectId={1}
      deployments={[]}
      takenNames={new Set([apiKey.name])}
      onClose={onClose}
    />,
    { generation },
  );
  return { ...result, onClose };
}

const rotate = async (user: ReturnType<typeof renderRotate>['user']) =>
  user.click(await screen.findByRole('button', { name: 'Rotate key' }));

describe('rotating a key', () => {
  it('v2: creates the copy with the new name, reveals it once, schedules the old key in 24 h', async () => {
    const old = seedApiKey('ciPipeline', NOW);
    const { user, onClose } = renderRotate(old);
    const dialog = screen.getByRole('dialog', { name: 'Rotate ci-pipeline' });
    expect(
      within(dialog).getByRole('region', { name: 'Copied from the old key' }),
    ).toHaveTextContent('Used by the CI smoke tests');
    expect(screen.getByRole('textbox', { name: 'New name' })).toHaveValue('ci-pipeline-2');
    await waitFor(() => expect(screen.getByRole('radio', { name: '24 hours' })).toBeChecked());
    await rotate(user);

    const reveal = await screen.findByRole('dialog', { name: 'Save your API key' });
    expect(creates(V2_KEYS)[0]?.body).toMatchObject({
      name: 'ci-pipeline-2',
      description: 'Used by the CI smoke tests',
      inference_instance_ids: old.deploymentRefs,
      expires_at: null,
    });
    await waitFor(() => expect(posted('retire')).toHaveLength(1));
    const newId = jobs.latest().rotation?.replaced_by_id;
    expect(posted('retire')[0]?.body).toEqual({
      kind: 'retire',
      project_id: 1,
      key_name: 'ci-pipeline',
      key_id: SEED_KEY_IDS.ciPipeline,
      replaced_by: 'ci-pipeline-2',
      replaced_by_id: newId,
      after_job: null,
      deployments: old.deploymentRefs,
      run_after: '2030-01-02T00:00:00Z',
    });
    expect(newId).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => expect(reveal).toHaveTextContent(/ci-pipeline retires at/));
    expect(within(reveal).getAllByLabelText('Secret')).toHaveLength(1);

    await user.click(within(reveal).getByRole('button', { name: /Copy/ }));
    await user.click(within(reveal).getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('v3: binds the new key by job, and the retirement waits for that job', async () => {
    const old = await keysAdapterV3.getKey(1, 'mobile-app-prod');
    const { user } = renderRotate(old, 'v3');
    await rotate(user);
    await screen.findByRole('dialog', { name: 'Save your API key' });
    expect(creates(v3ApiKeysPath(1))[0]?.body).toMatchObject({ name: 'mobile-app-prod-2' });
    await waitFor(() => expect(posted('retire')).toHaveLength(1));
    const bind = jobs.latest('mobile-app-prod-2');
    expect(bind.kind).toBe('bind');
    expect(bind.steps.map((step) => step.deployment)).toEqual(old.deploymentRefs);
    expect(posted('retire')[0]?.body).toMatchObject({
      key_name: 'mobile-app-prod',
      key_id: null,
      replaced_by: 'mobile-app-prod-2',
      replaced_by_id: null,
      after_job: bind.id,
      deployments: old.deploymentRefs,
    });
  });

  it('"I’ll retire it myself" holds the retirement: run_after null', async () => {
    const { user } = renderRotate(seedApiKey('ciPipeline', NOW));
    await user.click(await screen.findByRole('radio', { name: 'I’ll retire it myself' }));
    await rotate(user);
    await waitFor(() => expect(posted('retire')).toHaveLength(1));
    expect(posted('retire')[0]?.body).toMatchObject({ run_after: null });
    expect(await screen.findByText(/keeps working until you retire it/)).toBeInTheDocument();
  });

  it('offers only the graces the server allows, and its minimum when under an hour', async () => {
    jobs.retireMinDelayMs = 5_000;
    const { user, unmount } = renderRotate(seedApiKey('ciPipeline', NOW));
    await user.click(await screen.findByRole('radio', { name: 'In 5 seconds' }));
    await rotate(user);
    await waitFor(() => expect(posted('retire')).toHaveLength(1));
    expect(posted('retire')[0]?.body).toMatchObject({ run_after: '2030-01-01T00:00:05Z' });
    unmount();

    jobs.retireMinDelayMs = 2 * 3_600_000;
    renderRotate(seedApiKey('ciPipeline', NOW));
    await waitFor(() => expect(screen.getByRole('radio', { name: '24 hours' })).toBeChecked());
    const names = screen.getAllByRole('radio').map((radio) => radio.getAttribute('value'));
    expect(names).toEqual(['now', '24h', '7d', 'manual']);
  });

  it('a taken name gets its field message, and nothing typed is lost', async () => {
    const old = await keysAdapterV3.getKey(1, 'mobile-app-prod');
    const { user } = renderRotate({ ...old, description: 'Prod app' }, 'v3');
    const name = screen.getByRole('textbox', { name: 'New name' });
    await user.clear(name);
    await user.type(name, 'ci-pipeline');
    await user.click(screen.getByRole('radio', { name: '7 days' }));
    await rotate(user);
    await waitFor(() =>
      expect(name).toHaveAccessibleDescription(/“ci-pipeline” already exists in this project/),
    );
    expect(name).toHaveValue('ci-pipeline');
    expect(screen.getByRole('radio', { name: '7 days' })).toBeChecked();
    expect(screen.queryByRole('dialog', { name: 'Save your API key' })).toBeNull();
    expect(posted('retire')).toHaveLength(0);
  });
});
