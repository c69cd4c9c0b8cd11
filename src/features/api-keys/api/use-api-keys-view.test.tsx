import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { readKeysView } from '../model/keys-view';
import { sortKeys } from '../model/sort-keys';
import { apiKeyKeys } from './api-key-query-keys';
import type { KeyRecord } from './key-model';
import { KeysAdapterProvider } from './keys-adapter-context';
import { useApiKeysView } from './use-api-keys-view';

vi.mock('../model/sort-keys', async (importOriginal) => {
  const actual = await importOriginal<{ sortKeys: typeof sortKeys }>();
  return { sortKeys: vi.fn(actual.sortKeys) };
});

const keys: KeyRecord[] = Array.from({ length: 300 }, (_, index) => ({
  id: `id-${index}`,
  name: `key-${String(index).padStart(4, '0')}`,
  description: null,
  createdAt: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString(),
  expiresAt: null,
  deploymentRefs: [],
  status: null,
}));

function renderView(search: string) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  client.setQueryData(apiKeyKeys.allOfProject('v3', 1, undefined), keys);
  client.setQueryData(apiKeyKeys.deployments('v3', 1), []);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <KeysAdapterProvider generation="v3">{children}</KeysAdapterProvider>
    </QueryClientProvider>
  );
  return act(async () =>
    renderHook(({ search }) => useApiKeysView(readKeysView(new URLSearchParams(search)), 1), {
      initialProps: { search },
      wrapper,
    }),
  );
}

describe('useApiKeysView, a list the API cannot sort (v3)', () => {
  it('lower-cases each key once per list, not again for every filter typed', async () => {
    const { result, rerender } = await renderView('size=100&q=key-01');
    await waitFor(() => expect(result.current.count).toBe(100));
    const lowerCase = vi.spyOn(String.prototype, 'toLowerCase');
    try {
      rerender({ search: 'size=100&q=KEY-02' });
      expect(result.current.count).toBe(100);
      expect(result.current.rows?.[0]?.name).toBe('key-0299');
      // The filter itself, not the 300 keys' names.
      expect(lowerCase.mock.calls.length).toBeLessThan(10);
    } finally {
      lowerCase.mockRestore();
    }
  });

  it('prepares the search while the page is idle: the first filter lower-cases no key', async () => {
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    vi.stubGlobal('cancelIdleCallback', () => {});
    const lowerCase = vi.spyOn(String.prototype, 'toLowerCase');
    try {
      const { result, rerender } = await renderView('size=100');
      await waitFor(() => expect(result.current.count).toBe(300));
      // The rows came first, with no key lower-cased for them (only the view's own filter).
      expect(lowerCase.mock.calls.length).toBeLessThan(10);
      await waitFor(() => expect(idle).toHaveLength(1));
      idle[0]?.();
      lowerCase.mockClear();

      rerender({ search: 'size=100&q=KEY-01' });
      expect(result.current.count).toBe(100);
      expect(lowerCase.mock.calls.length).toBeLessThan(10);
    } finally {
      lowerCase.mockRestore();
      vi.unstubAllGlobals();
    }
  });

  it('filters the sorted keys as the filter reaches the URL, without sorting every key again', async () => {
    vi.mocked(sortKeys).mockClear();
    const { result, rerender } = await renderView('size=100&sort=created_at.desc');
    await waitFor(() => expect(result.current.count).toBe(300));
    expect(result.current.rows?.[0]?.name).toBe('key-0299');

    // Each URL is read into a new view: an equal order in a new object.
    rerender({ search: 'size=100&sort=created_at.desc&q=key-01' });

    expect(result.current.count).toBe(100);
    expect(result.current.rows?.[0]?.name).toBe('key-0199');
    expect(sortKeys).toHaveBeenCalledTimes(1);
  });
});
