import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { withApiVersionMeta } from '../test/api-version-meta';
import { holdRequests } from '../test/hold-requests';
import { renderWithClient } from '../test/render-with-client';
import { setupSandbox } from '../test/sandbox-server';
import { App } from './app';

// Whether the notices' chunk was fetched (its module evaluated); the module is the real one.
const fetched = vi.hoisted(() => ({ notices: false }));
vi.mock('./binding-failure-notices', async (importOriginal) => {
  fetched.notices = true;
  return importOriginal();
});

withApiVersionMeta('v2');
setupSandbox();

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

describe('App: the binding notices wait for the list', () => {
  it('fetches the notices (and the jobs they follow) only once the keys are shown', async () => {
    const letThrough = holdRequests(
      (method, path) => method === 'GET' && path.endsWith('/api_keys'),
    );
    window.history.replaceState(null, '', '/');
    renderWithClient(<App />);
    await screen.findByText('Loading API keys…');
    // Frames pass (and the timers set in them run) with the keys call in flight.
    await frame();
    await frame();
    await new Promise((resolve) => setTimeout(resolve));
    expect(fetched.notices).toBe(false);

    letThrough();
    await screen.findAllByRole('row');
    await waitFor(() => expect(fetched.notices).toBe(true));
  });
});
