import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { AppProviders } from '../app/providers';
import { KeysAdapterProvider } from '../features/api-keys/api/keys-adapter-context';
import type { ApiGeneration } from '../lib/api-config';

/**
 * A fresh client per test, with no retries, so each test sees exactly the calls it causes (or
 * the app's own `client`, to test its retrying). The keys feature speaks `generation` (v2 unless
 * a test says otherwise).
 */
export function renderWithClient(
  ui: ReactElement,
  {
    generation = 'v2',
    client = new QueryClient({
      defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
    }),
  }: { generation?: ApiGeneration; client?: QueryClient } = {},
) {
  const user = userEvent.setup();
  return {
    user,
    client,
    ...render(
      <AppProviders client={client}>
        <KeysAdapterProvider generation={generation}>{ui}</KeysAdapterProvider>
      </AppProviders>,
    ),
  };
}
