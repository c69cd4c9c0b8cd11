// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { apiRequest } from './api-client';
import { REQUESTED_BY_HEADER, REQUESTED_BY_VALUE } from './request-header';
import { API_GENERATION_PATH } from './use-api-generation';

const answered = () =>
  vi.fn<typeof fetch>(async () => Response.json({ generation: 'v3', reason: 'test' }));

const sentHeader = (spy: ReturnType<typeof answered>) =>
  new Headers(spy.mock.calls[0]?.[1]?.headers).get(REQUESTED_BY_HEADER);

describe('the page’s calls to its own server', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ['a /cloud read', 'GET', '/cloud/v1/projects', undefined],
    ['a /cloud write', 'POST', '/cloud/v2/inference/api_keys', { name: 'k' }],
    ['the generation question', 'GET', API_GENERATION_PATH, undefined],
  ] as const)('%s says it comes from the dashboard', async (_what, method, path, body) => {
    const spy = answered();
    vi.stubGlobal('fetch', spy);
    await apiRequest({ method, path, body, schema: z.unknown() });
    expect(sentHeader(spy)).toBe(REQUESTED_BY_VALUE);
  });
});
