import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { readKeysView } from '../model/keys-view';
import { apiKeyKeys } from './api-key-query-keys';
import type { KeyRecord } from './key-model';
import { KeysAdapterProvider } from './keys-adapter-context';
import { useExpiringSoonCount } from './use-expiring-soon-count';

const DAY = 24 * 60 * 60 * 1000;
// Every third key expires in 3 days, the rest in 30.
const keys: KeyRecord[] = Array.from({ length: 300 }, (_, index) => ({
  id: `id-${index}`,
  name: `key-${index}`,
  description: null,
  createdAt: '2026-01-01T00:00:00Z',
  expiresAt: new Date(Date.now() + (index % 3 === 0 ? 3 : 30) * DAY).toISOString(),
  deploymentRefs: [],
  status: null,
}));

describe('useExpiringSoonCount, every key read (v3)', () => {
  it('reads each expiry once per list, not again on every change of the view', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
    client.setQueryData(apiKeyKeys.allOfProject('v3', 1, undefined), keys);
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>
        <KeysAdapterProvider generation="v3">{children}</KeysAdapterProvider>
      </QueryClientProvider>
    );
    const { result, rerender } = await act(async () =>
      renderHook(
        ({ search }) => useExpiringSoonCount(readKeysView(new URLSearchParams(search)), 1),
        { initialProps: { search: '' }, wrapper },
      ),
    );
    await waitFor(() => expect(result.current).toBe(100));
    const parse = vi.spyOn(Date, 'parse');
    try {
      // A filter typed: the same keys, so the same count, worked out before.
      rerender({ search: 'q=key-1' });
      rerender({ search: 'q=key-12' });
      expect(result.current).toBe(100);
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });
});
