import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withApiVersionMeta } from '../../test/api-version-meta';
import { renderWithClient } from '../../test/render-with-client';
import { appRoutes, setupSandbox } from '../../test/sandbox-server';
import type { ActivityEvent } from './api/activity-contract';
import { ActivityPage } from './activity-page';

withApiVersionMeta('v2');
setupSandbox();

const event = (id: number, fields: Partial<ActivityEvent> = {}): ActivityEvent => ({
  id: String(id),
  time: '2026-03-01T10:00:00.000Z',
  user: 'ana@example.com',
  action: 'create',
  project: 1,
  key_name: 'team-key',
  key_id: null,
  deployment: null,
  status: 201,
  request_id: `req-${id}`,
  upstream_request_id: null,
  detail: {},
  ...fields,
});

/** The server's `/__app/activity` over a fixed list (newest first), paged by `before`. */
let events: ActivityEvent[] = [];
let asked: URLSearchParams[] = [];
let refuse = false;
beforeEach(() => {
  window.history.replaceState(null, '', '/?view=activity');
  asked = [];
  refuse = false;
  appRoutes.activity = async (request) => {
    const query = new URL(request.url).searchParams;
    asked.push(query);
    if (refuse)
      return Response.json({ message: 'The jobs database is unavailable.' }, { status: 503 });
    const key = query.get('key');
    const before = query.get('before');
    const matching = events.filter(
      (e) =>
        (!key || e.key_name === key || e.key_id === key) &&
        (!before || Number(e.id) < Number(before)),
    );
    const page = matching.slice(0, 2);
    const more = matching.length > 2;
    return Response.json({ results: page, next_before: more ? (page.at(-1)?.id ?? null) : null });
  };
});
afterEach(() => {
  appRoutes.activity = null;
});

describe('ActivityPage', () => {
  it('lists the writes newest first, in words, with who, outcome and request ids', async () => {
    events = [
      event(3, { action: 'delete', status: 204 }),
      event(2, { action: 'bind', deployment: 'chat-llama', detail: { keys_added: ['team-key'] } }),
    ];
    renderWithClient(<ActivityPage />);
    expect(await screen.findByText('2 writes, newest first.')).toHaveAttribute('role', 'status');
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent(/deleted/);
    expect(rows[0]).toHaveTextContent('done (204)');
    expect(rows[1]).toHaveTextContent(/bound to chat-llama/);
    expect(rows[1]).toHaveTextContent('ana@example.com');
    expect(within(rows[1] as HTMLElement).getByLabelText('request ID req-2')).toBeInTheDocument();
    expect(asked[0]?.get('project_id')).toBe('1');
  });

  it('says a refused write was refused, and by what status', async () => {
    events = [event(4, { user: 'untrusted', status: 401 })];
    renderWithClient(<ActivityPage />);
    const row = (await screen.findAllByRole('row'))[1] as HTMLElement;
    expect(row).toHaveTextContent('refused (401): created key');
    expect(row).toHaveTextContent('untrusted');
  });

  it('filters by key through the URL, and shows every key again', async () => {
    events = [event(2, { key_name: 'other-key' }), event(1)];
    const { user } = renderWithClient(<ActivityPage />);
    await screen.findByRole('table');
    await user.type(screen.getByRole('searchbox', { name: 'Key name or ID' }), 'team-key');
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    expect(await screen.findByText('1 write for key team-key, newest first.')).toBeInTheDocument();
    expect(new URLSearchParams(window.location.search).get('key')).toBe('team-key');
    expect(asked.at(-1)?.get('key')).toBe('team-key');
    await user.click(screen.getByRole('button', { name: 'Show every key' }));
    expect(await screen.findByText('2 writes, newest first.')).toBeInTheDocument();
  });

  it('loads older writes and moves focus to the first one it brought', async () => {
    events = [event(5), event(4), event(3, { action: 'update', status: 200 })];
    const { user } = renderWithClient(<ActivityPage />);
    await user.click(await screen.findByRole('button', { name: 'Load older' }));
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(4));
    expect(screen.getAllByRole('row')[3]).toHaveFocus();
    expect(screen.getAllByRole('row')[3]).toHaveTextContent('updated');
    expect(screen.queryByRole('button', { name: 'Load older' })).toBeNull();
    expect(asked.at(-1)?.get('before')).toBe('4');
  });

  it('says when nothing was recorded yet', async () => {
    events = [];
    renderWithClient(<ActivityPage />);
    expect(await screen.findByText('No writes recorded yet.')).toHaveAttribute('role', 'status');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says what failed and offers a retry', async () => {
    events = [event(1)];
    refuse = true;
    const { user } = renderWithClient(<ActivityPage />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the activity');
    expect(alert).toHaveTextContent('then retry');
    refuse = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });
});
