import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { secretBox } from '../../../lib/secret-box';
import { setupJobsFake } from '../../../test/jobs-fake';
import { renderWithClient } from '../../../test/render-with-client';
import { setupSandbox } from '../../../test/sandbox-server';
import type { KeyRecord } from '../api/key-model';
import { RevealDialog } from './reveal-dialog';

const key: KeyRecord = {
  id: 'closes-at-once',
  name: 'closes-at-once',
  description: null,
  createdAt: '2026-11-28T16:00:00Z',
  expiresAt: null,
  deploymentRefs: [],
  status: null,
};

function renderReveal() {
  return renderWithClient(
    <RevealDialog
      createdKey={{
        key,
        secret: secretBox('s3cret'),
        deploymentRefs: ['llama-3-8b-chat'],
        pendingBindings: ['llama-3-8b-chat'],
      }}
      deployments={[]}
      projectId={1}
      onClose={vi.fn()}
    />,
    { generation: 'v3' },
  );
}

/**
 * The bindings must start whatever the tab does once the secret is on screen: closed at once, or
 * never painted at all (a tab in the background paints no frame until it is looked at again).
 */
describe('the reveal posts its bind job with the secret, not after it', () => {
  setupSandbox();
  const jobs = setupJobsFake();
  afterEach(() => vi.restoreAllMocks());

  it('posts the job even when no frame is ever painted (a tab in the background)', async () => {
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    renderReveal();
    await screen.findByRole('dialog', { name: 'Save your API key' });
    await waitFor(() => expect(jobs.jobs).toHaveLength(1));
  });

  it('sends it as a keepalive request: closing the tab does not cancel it on its way', async () => {
    const sent = vi.spyOn(globalThis, 'fetch');
    renderReveal();
    await waitFor(() => expect(jobs.jobs).toHaveLength(1));
    const post = sent.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(post?.[1]?.keepalive).toBe(true);
  });
});
