import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tokenStore } from '../lib/token-store';
import { renderWithClient } from '../test/render-with-client';
import { ApiTargetBanner } from './api-target-banner';

function setMeta(name: string, content: string) {
  document.head.append(Object.assign(document.createElement('meta'), { name, content }));
}

afterEach(() => {
  document.head.querySelectorAll('meta').forEach((meta) => meta.remove());
  vi.unstubAllGlobals();
  tokenStore.end('sign-out');
});

describe('ApiTargetBanner: the generation next to the API', () => {
  it('shows the generation the page was served with, asking nobody', () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    setMeta('gcore-api-target', 'https://api.gcore.com');
    setMeta('gcore-api-version', 'v2');
    renderWithClient(<ApiTargetBanner />);
    expect(screen.getByText(/Connected to/)).toHaveTextContent(
      'Connected to https://api.gcore.com · API v2 (deprecated): keys made here are real.',
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('asks the server with the signed-in token when the page could not say', async () => {
    const seen: Array<{ url: string; authorization: string | null }> = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      seen.push({ url, authorization: new Headers(init.headers).get('authorization') });
      return Response.json({ generation: 'v3', reason: 'the v3 key list answered' });
    });
    setMeta('gcore-api-target', 'sandbox');
    tokenStore.signIn('own-token', false);
    renderWithClient(<ApiTargetBanner />);
    expect(screen.getByText('detecting the API version…')).toBeInTheDocument();
    expect(await screen.findByText('API v3')).toBeInTheDocument();
    expect(seen).toEqual([
      { url: `${location.origin}/__app/api-generation`, authorization: 'APIKey own-token' },
    ]);
  });

  it('keeps the generation while a 401 holds the page under Sign in, so nothing typed unmounts', async () => {
    const seen: Array<string | null> = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      const authorization = new Headers(init.headers).get('authorization');
      seen.push(authorization);
      return authorization
        ? Response.json({ generation: 'v3', reason: 'the v3 key list answered' })
        : Response.json({ generation: null, reason: 'no token to ask the API with yet' });
    });
    setMeta('gcore-api-target', 'sandbox');
    tokenStore.signIn('own-token', false);
    renderWithClient(<ApiTargetBanner />);
    expect(await screen.findByText('API v3')).toBeInTheDocument();

    act(() => tokenStore.end('rejected'));
    expect(screen.getByText('API v3')).toBeInTheDocument();
    expect(screen.queryByText(/API version not known yet|detecting the API version/)).toBeNull();
    act(() => tokenStore.signIn('own-token', false));
    expect(screen.getByText('API v3')).toBeInTheDocument();
    // Asked once, with the token: never without one while the page stayed.
    expect(seen).toEqual(['APIKey own-token']);
  });

  it('says the version is not known yet when the server could not tell', async () => {
    vi.stubGlobal('fetch', async () =>
      Response.json({ generation: null, reason: 'no token to ask the API with yet' }),
    );
    setMeta('gcore-api-target', 'sandbox');
    renderWithClient(<ApiTargetBanner />);
    expect(await screen.findByText('API version not known yet')).toBeInTheDocument();
  });
});
