import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiKeyKeys } from '../features/api-keys/api/api-key-query-keys';
import { createQueryClient } from '../lib/query-client';
import { tokenStore } from '../lib/token-store';
import { withApiVersionMeta } from '../test/api-version-meta';
import { setupSandbox } from '../test/sandbox-server';
import { startFirstReads } from './start-first-reads';

// Whether the list's chunk was asked for (its module evaluated); the module is the real one.
const asked = vi.hoisted(() => ({ list: false }));
vi.mock('../features/api-keys/list/api-keys-panel', async (importOriginal) => {
  asked.list = true;
  return importOriginal();
});

withApiVersionMeta('v2');
const sandbox = setupSandbox();
const paths = () => sandbox.requestLog.entries().map((entry) => `${entry.method} ${entry.path}`);

afterEach(() => {
  document.head.querySelector('meta[name="gcore-auth"]')?.remove();
  tokenStore.end('sign-out');
});

describe('startFirstReads', () => {
  it('reads the projects, then the keys and deployments of the project the URL names', async () => {
    const client = createQueryClient();
    startFirstReads(client, new URL('http://dashboard.test/?project=2&size=10&sort=name.asc'));
    await waitFor(() =>
      expect(
        client.getQueryData(
          apiKeyKeys.list('v2', { projectId: 2, limit: 10, offset: 0, orderBy: 'name.asc' }),
        ),
      ).toBeDefined(),
    );
    await waitFor(() => expect(client.getQueryData(apiKeyKeys.deployments('v2', 2))).toBeDefined());
    expect(paths()).toEqual([
      'GET /cloud/v1/projects',
      expect.stringMatching(/^GET \/cloud\/v2\/inference\/(api_keys|deployments)$/),
      expect.stringMatching(/^GET \/cloud\/v2\/inference\/(api_keys|deployments)$/),
    ]);
  });

  it('falls back to the default project when the URL names none of the account’s', async () => {
    const client = createQueryClient();
    startFirstReads(client, new URL('http://dashboard.test/?project=999'));
    await waitFor(() => expect(client.getQueryData(apiKeyKeys.deployments('v2', 1))).toBeDefined());
  });

  it('starts nothing before a personal sign-in: it could only be refused', () => {
    document.head.append(
      Object.assign(document.createElement('meta'), { name: 'gcore-auth', content: 'personal' }),
    );
    const client = createQueryClient();
    startFirstReads(client, new URL('http://dashboard.test/'));
    // A read would be in the cache at once: fetchQuery builds its query synchronously.
    expect(client.getQueryCache().getAll()).toEqual([]);
  });

  it('asks for the list’s chunk with the reads, not once React has rendered the page', async () => {
    startFirstReads(createQueryClient(), new URL('http://dashboard.test/'));
    await waitFor(() => expect(asked.list).toBe(true));
  });
});
