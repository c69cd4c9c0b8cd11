import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Deployment } from '../../deployments/api/deployment-schemas';
import type { ApiKey } from '../api/api-key-schemas';
import type { KeyRecord } from '../api/key-model';
import { toDeploymentRecordV2, toKeyRecordV2 } from '../api/v2/api-key-v2-adapter';
import { DEFAULT_SORT } from '../model/keys-view';
import { newKeyStore } from '../model/new-key-store';
import { ApiKeysTable } from './api-keys-table';

const NOW = new Date('2026-11-28T12:00:00Z');
const DAY = 86_400_000;
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const key = (name: string, expiresAt: string | null, extra: Partial<ApiKey> = {}): KeyRecord =>
  toKeyRecordV2({
    key_id: `${name}-id`,
    name,
    status: 'ACTIVE',
    created_at: at(-30 * DAY),
    description: null,
    expires_at: expiresAt,
    inference_instance_ids: [],
    project_id: 1,
    ...extra,
  });

function renderTable(
  rows: KeyRecord[],
  v2Deployments: Deployment[] = [
    {
      id: 'dep-1',
      name: 'llama',
      status: 'ACTIVE',
      address: null,
      description: null,
      created_at: null,
      api_key_ids: [],
    },
  ],
) {
  const deployments = v2Deployments.map(toDeploymentRecordV2);
  const table = (rows: KeyRecord[]) => (
    <ApiKeysTable
      labelledBy="t"
      rows={rows}
      deployments={deployments}
      sort={DEFAULT_SORT}
      onSort={vi.fn()}
      onDetails={vi.fn()}
      onEdit={vi.fn()}
      onDelete={onDelete}
    />
  );
  newKeyStore.added('fresh-id');
  const { rerender } = render(table(rows));
  return { rerender: (next: KeyRecord[]) => rerender(table(next)) };
}
const onDelete = vi.fn();

const rowOf = (name: string) =>
  screen
    .getAllByRole('row')
    .find((row) => within(row).queryAllByRole('cell')[0]?.textContent?.startsWith(name));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe('ApiKeysTable', () => {
  it('badges keys around the 7-day and expiry edges by the clock', () => {
    renderTable([
      key('far', at(7 * DAY + 60_000)),
      key('edge', at(7 * DAY)),
      key('soon', at(60_000)),
      key('just-expired', at(-1000)),
      key('forever', null),
      key('odd', null, { status: 'SUSPENDED' }),
    ]);
    expect(rowOf('far')).toHaveTextContent('Active');
    expect(rowOf('edge')).toHaveTextContent('Expiring soon');
    expect(rowOf('soon')).toHaveTextContent('Expiring soon');
    expect(rowOf('soon')).toHaveTextContent('in 1 minute');
    expect(rowOf('just-expired')).toHaveTextContent('Expired');
    expect(rowOf('just-expired')).toHaveTextContent('expired 1 second ago');
    expect(rowOf('forever')).toHaveTextContent('never expires');
    expect(rowOf('odd')).toHaveTextContent('Suspended');
  });

  it('names bound deployments and marks an id with no deployment as unknown', () => {
    renderTable([
      key('bound', null, {
        inference_instance_ids: ['dep-1', '0badc0de-1111-4111-8111-111111111111'],
      }),
    ]);
    const row = rowOf('bound');
    if (!row) throw new Error('no row for “bound”');
    expect(row).toHaveTextContent('llama');
    // Short on screen; the full id is the accessible name, for a screen reader to quote.
    expect(row).toHaveTextContent(/0badc0de….*\(unknown\)/);
    expect(within(row).getByText('0badc0de-1111-4111-8111-111111111111')).toHaveClass('sr-only');
  });

  it('puts the name first, marks new keys, and names each action after its key', () => {
    renderTable([key('fresh', null, { key_id: 'fresh-id' })]);
    const row = rowOf('fresh');
    const cells = within(row as HTMLElement).getAllByRole('cell');
    expect(cells[0]?.textContent).toBe('fresh');
    expect(cells[1]).toHaveTextContent('New');
    expect(
      within(row as HTMLElement).getByRole('button', { name: 'Edit fresh' }),
    ).toBeInTheDocument();
    expect(
      within(row as HTMLElement).getByRole('button', { name: 'Delete fresh' }),
    ).toBeInTheDocument();
  });

  it('gives the expiry a UTC tooltip reachable by keyboard', () => {
    renderTable([key('tip', at(3 * DAY))]);
    const time = within(rowOf('tip') as HTMLElement)
      .getByText('in 3 days')
      .closest('time');
    expect(time).toHaveAttribute('tabindex', '0');
    expect(time).toHaveAccessibleDescription('1 Dec 2026, 12:00 UTC');
  });

  it('keeps each row current with the clock and with its key when the list renders again', () => {
    const soon = key('soon', at(60_000));
    const steady = key('steady', null);
    const { rerender } = renderTable([soon, steady]);
    expect(rowOf('soon')).toHaveTextContent('Expiring soon');

    // The same key objects, as a refetch with no change hands them back, two minutes later.
    vi.setSystemTime(NOW.getTime() + 2 * 60_000);
    rerender([soon, steady]);
    expect(rowOf('soon')).toHaveTextContent('Expired');
    expect(rowOf('soon')).toHaveTextContent('expired 1 minute ago');

    rerender([{ ...soon, description: 'rotated by ops' }, steady]);
    expect(rowOf('soon')).toHaveTextContent('rotated by ops');
  });
});
