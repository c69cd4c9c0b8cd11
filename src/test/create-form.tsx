import { screen } from '@testing-library/react';
import type { Sandbox } from '../../sandbox/create-sandbox';
import { KEYS } from '../../sandbox/testing/sandbox-test-client';
import { CreateApiKeyForm } from '../features/api-keys/create/create-api-key-form';
import { renderWithClient } from './render-with-client';

/** The create form alone, once its projects and deployments have loaded. */
export async function renderCreateForm() {
  const result = renderWithClient(<CreateApiKeyForm />);
  await screen.findByRole('checkbox', { name: /^llama-3-8b-chat/ });
  return result;
}

/** The creates the sandbox received, oldest first. */
export const createsAt = (sandbox: Sandbox) =>
  sandbox.requestLog.entries().filter((e) => e.method === 'POST' && e.path === KEYS);
