import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { AppProviders } from '../app/providers';

/** A fresh client per test, with no retries, so each test sees exactly the calls it causes. */
export function renderWithClient(ui: ReactElement) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const user = userEvent.setup();
  return { user, client, ...render(<AppProviders client={client}>{ui}</AppProviders>) };
}
