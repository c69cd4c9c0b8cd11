import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { withApiVersionMeta } from '../../test/api-version-meta';
import { holdRequests } from '../../test/hold-requests';
import { renderWithClient } from '../../test/render-with-client';
import { setupSandbox } from '../../test/sandbox-server';
import { KeysPage } from './keys-page';

// Which of the chunks off the first screen were fetched (their modules evaluated); each module
// is otherwise the real one.
const fetched = vi.hoisted(() => new Set<string>());
const counted = (name: string) => async (importOriginal: () => Promise<unknown>) => {
  fetched.add(name);
  return importOriginal();
};
vi.mock('./create/create-sheet', (original) => counted('create')(original));
vi.mock('./manage/api-key-details-dialog', (original) => counted('details')(original));
vi.mock('./manage/edit-api-key-dialog', (original) => counted('edit')(original));
vi.mock('./manage/delete-api-key-dialog', (original) => counted('delete')(original));
vi.mock('./rotate/rotate-dialog', (original) => counted('rotate')(original));
vi.mock('./list/retire-now-dialog', (original) => counted('retire')(original));

withApiVersionMeta('v2');
setupSandbox();

beforeAll(() => import('./list/api-keys-panel'));
afterEach(() => vi.unstubAllGlobals());

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

describe('KeysPage: what is not on the first screen waits for idle moments', () => {
  it('fetches the create form and the row dialogs one idle moment each, not as the list paints', async () => {
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (run: () => void) => idle.push(run));
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    window.history.replaceState(null, '', '/');
    renderWithClient(<KeysPage />);
    await screen.findAllByRole('row');
    // Frames pass (and the timers set in them run) with the list on screen.
    await frame();
    await frame();
    await new Promise((resolve) => setTimeout(resolve));
    expect([...fetched]).toEqual([]);

    // One idle moment fetches one chunk: together they would be one long task.
    for (const run of idle.splice(0)) {
      const before = fetched.size;
      run();
      await waitFor(() => expect(fetched.size).toBe(before + 1));
    }
    expect([...fetched].sort()).toEqual([
      'create',
      'delete',
      'details',
      'edit',
      'retire',
      'rotate',
    ]);
  });

  it('asks for no idle moment while the keys are still on their way: the list comes first', async () => {
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (run: () => void) => idle.push(run));
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    const letThrough = holdRequests(
      (method, path) => method === 'GET' && path.endsWith('/api_keys'),
    );
    window.history.replaceState(null, '', '/');
    renderWithClient(<KeysPage />);
    await screen.findByText('Loading API keys…');
    // Frames pass (and the timers set in them run) with the keys call in flight.
    await frame();
    await frame();
    await new Promise((resolve) => setTimeout(resolve));
    // An idle moment taken now would evaluate a dialog's chunk in the time the list needs.
    expect(idle).toHaveLength(0);

    letThrough();
    await screen.findAllByRole('row');
    await waitFor(() => expect(idle.length).toBeGreaterThan(0));
  });
});
