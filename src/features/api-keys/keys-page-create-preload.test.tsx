import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withApiVersionMeta } from '../../test/api-version-meta';
import { holdRequests } from '../../test/hold-requests';
import { renderWithClient } from '../../test/render-with-client';
import { setupSandbox } from '../../test/sandbox-server';
import { KeysPage } from './keys-page';

// Whether the create sheet's chunk was fetched (its module evaluated); the module is the real one.
const fetched = vi.hoisted(() => ({ create: false }));
vi.mock('./create/create-sheet', async (importOriginal) => {
  fetched.create = true;
  return importOriginal();
});

withApiVersionMeta('v2');
setupSandbox();
afterEach(() => vi.unstubAllGlobals());

describe('KeysPage: the create form on the way to a click', () => {
  it('fetches the create form as soon as a pointer reaches Create API key, list shown or not', async () => {
    // No idle moment ever comes, and the keys call is held: only the pointer can ask.
    vi.stubGlobal('requestIdleCallback', () => 0);
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    const letThrough = holdRequests(
      (method, path) => method === 'GET' && path.endsWith('/api_keys'),
    );
    window.history.replaceState(null, '', '/');
    renderWithClient(<KeysPage />);
    const create = await screen.findByRole('button', { name: 'Create API key' });
    expect(fetched.create).toBe(false);

    fireEvent.pointerEnter(create);
    await waitFor(() => expect(fetched.create).toBe(true));
    letThrough();
  });
});
