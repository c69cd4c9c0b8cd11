import { screen, within } from '@testing-library/react';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  onTestFinished,
  vi,
} from 'vitest';
import { AppHeader } from '../../app/app-header';
import { createQueryClient } from '../../lib/query-client';
import { API_GENERATION_PATH } from '../../lib/use-api-generation';
import { renderWithClient } from '../../test/render-with-client';
import { setupSandbox } from '../../test/sandbox-server';
import { KeysPage } from './keys-page';

// No gcore-api-version meta: the server could not tell at start, so the page asks it.
setupSandbox();

beforeAll(async () => {
  // The list's chunk, loaded before the clock stops: this file is about the API, not the code.
  await import('./list/api-keys-panel');
  document.head.append(
    Object.assign(document.createElement('meta'), { name: 'gcore-api-target', content: 'sandbox' }),
  );
});
afterAll(() => document.head.querySelector('meta[name="gcore-api-target"]')?.remove());
beforeEach(() => {
  window.history.replaceState(null, '', '/');
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
});
afterEach(() => vi.useRealTimers());

/** The server's answers to "which generation?", in order; the last one repeats. */
function serverAnswers(...answers: Array<() => Response>) {
  const inner = globalThis.fetch;
  const asked: string[] = [];
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input.toString(), location.href);
    if (url.pathname !== API_GENERATION_PATH) return inner(input, init);
    asked.push(url.pathname);
    const answer = answers[Math.min(asked.length, answers.length) - 1];
    return Promise.resolve(answer ? answer() : Response.error());
  };
  onTestFinished(() => void (globalThis.fetch = inner));
  return asked;
}
const probeFailed = () =>
  Response.json(
    {
      exception_class: 'GenerationProbeFailed',
      message: 'Could not ask the API which generation it serves (fetch failed).',
      request_id: 'rq-probe-1',
    },
    { status: 502 },
  );

async function settle() {
  for (let turn = 0; turn < 10; turn += 1) await vi.advanceTimersByTimeAsync(0);
}
async function wait(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
  await settle();
}

describe('GenerationUnknown: the API is down when the page starts', () => {
  it('says the plain sentence, keeps asking, and picks the generation when the API answers', async () => {
    const asked = serverAnswers(probeFailed, probeFailed, () =>
      Response.json({ generation: 'v2', reason: 'the v3 key list is not there (404)' }),
    );
    renderWithClient(
      <>
        <AppHeader />
        <KeysPage />
      </>,
      { client: createQueryClient() },
    );
    await settle();
    const alert = screen.getByRole('alert', { name: 'Gcore’s API can’t be reached' });
    expect(alert).toHaveTextContent('Gcore’s API can’t be reached right now. We’ll keep trying.');
    expect(
      within(alert)
        .getByText(/fetch failed/)
        .closest('details'),
    ).toHaveTextContent('rq-probe-1');
    expect(screen.queryByText(/could not tell which generation/)).toBeNull();
    expect(screen.getByRole('banner')).toHaveTextContent('Can’t reach Gcore’s API');

    await wait(1_000);
    expect(asked).toHaveLength(2);
    await wait(2_000);
    expect(asked).toHaveLength(3);
    await vi.waitFor(() => screen.getByRole('table', { name: 'API keys' }));
    expect(screen.queryByRole('alert', { name: 'Gcore’s API can’t be reached' })).toBeNull();
    expect(screen.getByRole('banner')).toHaveTextContent('API v2 (deprecated)');
  });
});
