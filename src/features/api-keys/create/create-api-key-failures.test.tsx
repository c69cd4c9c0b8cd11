import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { KEYS } from '../../../../sandbox/testing/sandbox-test-client';
import { apiTimeoutForThisTest } from '../../../test/api-timeout-meta';
import { KeysPage } from '../keys-page';
import { createsAt } from '../../../test/create-form';
import { FAILURE_CASES, MATRIX_REQUEST_ID, MATRIX_TIMEOUT_MS } from '../../../test/failure-cases';
import { renderWithClient } from '../../../test/render-with-client';
import { withApiVersionMeta } from '../../../test/api-version-meta';
import { setupSandbox } from '../../../test/sandbox-server';

// The server's choice, as the page gets it: these tests speak v2.
withApiVersionMeta('v2');
const sandbox = setupSandbox();
const creates = () => createsAt(sandbox);

/** What the user must see for each case: on a field, or in the alert by the button. */
const SEEN: Record<
  string,
  {
    field?: 'Name' | 'Deployments';
    text: RegExp;
    unknown?: boolean;
    requestId?: boolean;
    /** Operator words, in the closed "Details for your administrator" disclosure. */
    detail?: RegExp;
  }
> = {
  '400 with invalid_fields': { field: 'Name', text: /^Bad\./ },
  '400 without invalid_fields': {
    text: /The API rejected the request: Malformed request\./,
    requestId: true,
  },
  '401': {
    text: /cannot sign in to Gcore at the moment\. Ask whoever runs it to renew its API token\./,
    requestId: true,
    detail: /HTTP 401: Token is invalid or expired.*GCORE_API_KEY is missing, wrong, expired/,
  },
  '403': {
    text: /Gcore account may not do this\. Ask whoever runs the dashboard/,
    requestId: true,
    detail: /HTTP 403/,
  },
  '404': { field: 'Deployments', text: /Resource not found\./ },
  '405': { text: /Method not allowed\. \(HTTP 405\)/, requestId: true },
  '409': { field: 'Name', text: /“matrix-key” already exists in this project/ },
  '429 with Retry-After': { text: /Try again in 7 seconds/ },
  '429 without Retry-After': { text: /Wait a few seconds/ },
  '500': {
    text: /Something broke\..*may or may not have been created/,
    unknown: true,
    requestId: true,
  },
  '502 with an HTML gateway page': {
    text: /The API failed \(HTTP 502\)\..*may or may not have been created/,
    unknown: true,
  },
  '503': {
    text: /Down for maintenance\..*may or may not have been created/,
    unknown: true,
    requestId: true,
  },
  'connection refused (the gateway’s 502)': {
    text: /^Gcore’s API could not be reached, so nothing was created\. Try again in a moment\./,
    requestId: true,
    detail: /ECONNREFUSED/,
  },
  'valid JSON that breaks the schema': {
    text: /unexpected format.*created without its secret/,
    unknown: true,
  },
  'malformed body': { text: /not JSON.*created without its secret/, unknown: true },
  'dropped connection': {
    text: /connection to the API failed.*may or may not have been created/,
    unknown: true,
  },
  'no answer (client time-out)': {
    text: new RegExp(`did not answer within ${MATRIX_TIMEOUT_MS} ms.*may or may not`),
    unknown: true,
  },
};

// The page's lazy chunks, loaded before the first render rather than raced by it on a busy machine.
beforeAll(() => Promise.all([import('../list/api-keys-panel'), import('./create-api-key-panel')]));

/** Fills the form and submits it; `timeoutMs` is the page's time-out for that submission only. */
async function submitKey(timeoutMs?: number) {
  window.history.replaceState(null, '', '/');
  const result = renderWithClient(<KeysPage />);
  // The form lives in the create sheet, opened once the projects are in.
  const opener = screen.getByRole('button', { name: 'Create API key' });
  await waitFor(() => expect(opener).toBeEnabled());
  await result.user.click(opener);
  await screen.findByRole('checkbox', { name: /^llama-3-8b-chat/ });
  await result.user.type(screen.getByRole('textbox', { name: 'Name' }), 'matrix-key');
  await result.user.type(screen.getByRole('textbox', { name: 'Description' }), 'typed text');
  await result.user.click(screen.getByRole('checkbox', { name: /^llama-3-8b-chat/ }));
  if (timeoutMs !== undefined) {
    apiTimeoutForThisTest(timeoutMs);
    // The page's time-out on a fake clock the test moves on; it also runs on by itself, so
    // user-event's and React Query's zero-delay timers still fire.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    onTestFinished(() => {
      vi.useRealTimers();
    });
  }
  await result.user.click(screen.getByRole('button', { name: 'Create API key' }));
  if (timeoutMs !== undefined) {
    // Held by the sandbox, then the page's whole wait at once.
    await waitFor(() => expect(creates()).toHaveLength(1));
    await act(() => vi.advanceTimersByTimeAsync(timeoutMs));
  }
  return result;
}

describe('create: every failure gives a specific message, keeps the input and sends once', () => {
  it.each(FAILURE_CASES)('$name', async ({ name, fault }) => {
    sandbox.faults.arm({ ...fault, method: 'POST', path: KEYS });
    await submitKey(fault.delayMs === undefined ? undefined : MATRIX_TIMEOUT_MS);
    const seen = SEEN[name];
    if (!seen) throw new Error(`no expectation for ${name}`);
    if (seen.field) {
      const target =
        seen.field === 'Name'
          ? screen.getByRole('textbox', { name: 'Name' })
          : screen.getByRole('group', { name: 'Deployments' });
      await waitFor(() => expect(target).toHaveAccessibleDescription(seen.text));
    } else {
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent(seen.text);
      if (seen.requestId) expect(alert).toHaveTextContent(MATRIX_REQUEST_ID);
      if (seen.detail) {
        // The plain sentence is in view; the API's words and the server's setting are folded away.
        const plain = within(alert).getByText(seen.text);
        expect(plain.closest('details')).toBeNull();
        expect(plain).not.toHaveTextContent(/GCORE_API_KEY|HTTP \d/);
        const summary = within(alert).getByText('Details for your administrator');
        const disclosure = summary.closest('details');
        expect(disclosure).not.toHaveAttribute('open');
        expect(disclosure).toHaveTextContent(seen.detail);
      }
      // Where the key may exist, the list is one click away, filtered to this name.
      expect(screen.queryByRole('button', { name: 'Check the key list' }) !== null).toBe(
        Boolean(seen.unknown),
      );
    }
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('matrix-key');
    expect(screen.getByRole('textbox', { name: 'Description' })).toHaveValue('typed text');
    expect(screen.getByRole('checkbox', { name: /^llama-3-8b-chat/ })).toBeChecked();
    // The sheet is a dialog too: what must not open is the reveal.
    expect(screen.queryByRole('dialog', { name: 'Save your API key' })).not.toBeInTheDocument();
    expect(creates()).toHaveLength(1);
  });

  it('a request the user cancels says the outcome is unknown, and Check the key list filters the list', async () => {
    // The answer would come long after the press: the cancel ends the wait.
    sandbox.faults.arm({ method: 'POST', path: KEYS, delayMs: 600_000, passThrough: true });
    const { user } = await submitKey();
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel request' }, { interval: 5 }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      /You cancelled the request\. The key may or may not have been created/,
    );
    await user.click(screen.getByRole('button', { name: 'Check the key list' }));
    expect(window.location.search).toContain('q=matrix-key');
    // Focus moves once the sheet has gone, a frame later: wait for it as a user would see it.
    const heading = screen.getByRole('heading', { name: 'API keys' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(creates()).toHaveLength(1);
  });

  it('puts the API’s own names for expiry and deployments on the controls they are about', async () => {
    sandbox.faults.arm({
      method: 'POST',
      path: KEYS,
      status: 400,
      body: {
        exception_class: 'ValidationError',
        message: 'Validation Error',
        invalid_fields: {
          expires_at: ['Must be in the future.'],
          inference_instance_ids: { 0: ['Instance not found.'] },
        },
      },
    });
    await submitKey();
    const expiry = screen.getByRole('combobox', { name: 'Expiration' });
    await waitFor(() => expect(expiry).toHaveAccessibleDescription(/Must be in the future\./));
    const deployments = screen.getByRole('group', { name: 'Deployments' });
    expect(deployments).toHaveAccessibleDescription(/Instance not found\./);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('brings the alert by the button into view, in a sheet scrolled elsewhere', async () => {
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
    onTestFinished(() => scrolled.mockRestore());
    sandbox.faults.arm({ status: 500, method: 'POST', path: KEYS });
    await submitKey();
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(scrolled.mock.contexts).toContain(alert));
  });
});
