import { fireEvent, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROJECTS } from '../../../sandbox/testing/sandbox-test-client';
import { AppHeader } from '../../app/app-header';
import { createQueryClient } from '../../lib/query-client';
import { withApiVersionMeta } from '../../test/api-version-meta';
import { renderWithClient } from '../../test/render-with-client';
import { setupSandbox } from '../../test/sandbox-server';
import { KeysPage } from './keys-page';

withApiVersionMeta('v2');
const sandbox = setupSandbox();

beforeAll(async () => {
  // The list's chunk, loaded before the clock stops: this file is about the API, not the code.
  await import('./list/api-keys-panel');
  document.head.append(
    Object.assign(document.createElement('meta'), {
      name: 'gcore-api-target',
      content: 'https://api.gcore.com',
    }),
  );
});
afterAll(() => document.head.querySelector('meta[name="gcore-api-target"]')?.remove());
beforeEach(() => {
  window.history.replaceState(null, '', '/');
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
});
afterEach(() => vi.useRealTimers());

const PLAIN = 'Gcore’s API can’t be reached right now. We’ll keep trying.';
/** What the dashboard's gateway answers when the API refuses the connection. */
const refused = (times: number) =>
  sandbox.faults.arm({
    method: 'GET',
    path: PROJECTS,
    status: 502,
    times,
    body: {
      exception_class: 'UpstreamUnreachable',
      message:
        "The dashboard's server could not reach the API (ECONNREFUSED): nothing was sent to it.",
      request_id: 'rq-down-1',
    },
  });
const projectCalls = () => sandbox.requestLog.entries().filter((e) => e.path === PROJECTS).length;
/** Lets the answers in hand reach the page, with the clock standing still. */
async function settle() {
  for (let turn = 0; turn < 10; turn += 1) await vi.advanceTimersByTimeAsync(0);
}
const banner = async () => {
  await settle();
  return screen.getByRole('alert', { name: 'Gcore’s API can’t be reached' });
};
/** Moves the fake clock on by `ms`, then lets what that started finish. */
async function wait(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
  await settle();
}
/** Once the API is back, the list: the clock may move on, nothing is left to retry. */
const keysTable = () => vi.waitFor(() => screen.getByRole('table', { name: 'API keys' }));

function renderPage() {
  return renderWithClient(
    <>
      <AppHeader />
      <KeysPage />
    </>,
    { client: createQueryClient() },
  );
}

describe('KeysPage while Gcore’s API cannot be reached', () => {
  it('says so once, in plain words, with the cause behind the details, and no endless loading', async () => {
    refused(50);
    renderPage();
    const alert = await banner();
    expect(alert).toHaveTextContent(PLAIN);
    const plain = within(alert).getByText(PLAIN);
    expect(plain).not.toHaveTextContent(/ECONNREFUSED|request ID/);
    const disclosure = within(alert).getByText('Details for your administrator').closest('details');
    expect(disclosure).not.toHaveAttribute('open');
    expect(disclosure).toHaveTextContent(/ECONNREFUSED.*rq-down-1/);

    await wait(1_000);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.queryByText(/could not be loaded|cannot be reached/i)).toBeNull();
    expect(screen.queryByText(/Loading/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Create API key' })).toBeDisabled();
  });

  it('shows the real state in the header, and recovers by itself, asking ever less often', async () => {
    refused(4);
    renderPage();
    await banner();
    const header = screen.getByRole('banner');
    expect(header).toHaveTextContent('Can’t reach Gcore’s API at https://api.gcore.com');
    expect(header).not.toHaveTextContent('Connected');
    expect(projectCalls()).toBe(1);
    // A quick retry, then waits that grow: 2 s, then 4 s.
    await wait(1_000);
    expect(projectCalls()).toBe(2);
    await wait(1_999);
    expect(projectCalls()).toBe(2);
    await wait(1);
    expect(projectCalls()).toBe(3);
    await wait(1_000);
    expect(projectCalls()).toBe(4);
    await wait(3_999);
    expect(projectCalls()).toBe(4);
    // The API is back: the next try answers, with no click.
    await wait(1);
    expect(await keysTable()).toHaveTextContent('ci-pipeline');
    expect(screen.queryByRole('alert', { name: 'Gcore’s API can’t be reached' })).toBeNull();
    expect(header).toHaveTextContent('Connected to https://api.gcore.com');
    expect(screen.getByRole('button', { name: 'Create API key' })).toBeEnabled();
  });

  it('asks again at once when the tab is shown again, when back online, and on Retry', async () => {
    refused(6);
    renderPage();
    await banner();
    await wait(1_000);
    expect(projectCalls()).toBe(2);
    // Each of these asks at once (and the quick retry follows a second later).
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    await settle();
    expect(projectCalls()).toBe(3);
    await wait(1_000);
    window.dispatchEvent(new Event('offline'));
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(projectCalls()).toBe(5);
    await wait(1_000);
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Retry' }));
    expect(await keysTable()).toHaveTextContent('ci-pipeline');
    expect(projectCalls()).toBe(7);
  });
});
