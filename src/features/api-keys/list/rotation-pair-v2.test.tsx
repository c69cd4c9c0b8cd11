import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SEED_KEY_IDS } from '../../../../sandbox/seed/api-keys';
import { withApiVersionMeta } from '../../../test/api-version-meta';
import { setupJobsFake } from '../../../test/jobs-fake';
import { renderWithClient } from '../../../test/render-with-client';
import { setupSandbox } from '../../../test/sandbox-server';
import { KeysPage } from '../keys-page';

setupSandbox();
const jobs = setupJobsFake();
withApiVersionMeta('v2');

beforeAll(() => import('./api-keys-panel'));
beforeEach(() => {
  window.history.replaceState(null, '', '/');
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
});
afterEach(() => vi.useRealTimers());

async function rowOf(name: string) {
  const table = await screen.findByRole('table', { name: 'API keys' });
  const button = await within(table).findByRole('button', { name });
  return button.closest('tr') as HTMLElement;
}

/** v2 reads the project's jobs too: a rotation's retirement runs on the server there as well. */
describe('a rotation on the v2 list', () => {
  it('v2: finds the old key by its UUID', async () => {
    jobs.seed({
      kind: 'retire',
      project_id: 1,
      after_job: null,
      deployments: [],
      run_after: '2030-01-01T23:00:00Z',
      ...{
        key_name: 'ci-pipeline',
        key_id: SEED_KEY_IDS.ciPipeline,
        replaced_by: 'ci-pipeline-2',
        replaced_by_id: '00000000-0000-4000-8000-0000000000aa',
      },
    });
    renderWithClient(<KeysPage />, { generation: 'v2' });
    const row = await rowOf('ci-pipeline');
    await waitFor(() =>
      expect(row).toHaveTextContent('replaced by ci-pipeline-2 · retires in 23 hours'),
    );
  });
});
