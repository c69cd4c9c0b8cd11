import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Deployment } from '../../deployments/api/v2/deployment-schemas';
import type { BindingFailure } from '../../jobs/model/job-failures';
import type { ApiKey } from '../api/api-key-schemas';
import type { KeyRecord } from '../api/key-model';
import { KeysAdapterProvider } from '../api/keys-adapter-context';
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

type Pending = {
  jobLabels?: ReadonlyMap<string, string>;
  pendingDeletions?: ReadonlySet<string>;
  failedBindings?: ReadonlyMap<string, readonly BindingFailure[]>;
};

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
  pending: Pending = {},
) {
  const deployments = v2Deployments.map(toDeploymentRecordV2);
  const table = (rows: KeyRecord[]) => (
    <KeysAdapterProvider generation="v2">
      <ApiKeysTable
        labelledBy="t"
        rows={rows}
        deployments={deployments}
        sort={DEFAULT_SORT}
        onSort={vi.fn()}
        jobLabels={pending.jobLabels ?? new Map()}
        pendingDeletions={pending.pendingDeletions ?? new Set()}
        failedBindings={pending.failedBindings ?? new Map()}
        onRotate={vi.fn()}
        rotations={new Map()}
        onRetireNow={vi.fn()}
        onKeep={vi.fn()}
        onRetryBinding={onRetryBinding}
        onDetails={onDetails}
        onEdit={onEdit}
        onDelete={onDelete}
      />
    </KeysAdapterProvider>
  );
  newKeyStore.added('fresh-id');
  const { rerender } = render(table(rows));
  return { rerender: (next: KeyRecord[]) => rerender(table(next)) };
}
const onDelete = vi.fn();
const onEdit = vi.fn();
const onDetails = vi.fn();
const onRetryBinding = vi.fn();
const deployment = (id: string, name: string): Deployment => ({
  id,
  name,
  status: 'ACTIVE',
  address: null,
  description: null,
  created_at: null,
  api_key_ids: [],
});

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
    expect(row).not.toHaveTextContent('2 deployments');
    expect(within(row).getByText('llama')).toBeVisible();
    // Short on screen; the full id is the accessible name, for a screen reader to quote.
    expect(row).toHaveTextContent(/0badc0de….*\(unknown\)/);
    expect(within(row).getByText('0badc0de-1111-4111-8111-111111111111')).toHaveClass('sr-only');
  });

  it('shows one deployment by name with no click, and the rest of many behind "+N"', () => {
    renderTable(
      [
        key('one', null, { inference_instance_ids: ['d1'] }),
        key('three', null, { inference_instance_ids: ['d1', 'd2', 'd3'] }),
        key('five', null, { inference_instance_ids: ['d1', 'd2', 'd3', 'd4', 'd5'] }),
      ],
      ['d1', 'd2', 'd3', 'd4', 'd5'].map((id) => deployment(id, `model-${id}`)),
    );
    const one = rowOf('one') as HTMLElement;
    expect(within(one).getByText('model-d1')).toBeVisible();
    expect(one.querySelector('details')).toBeNull();
    // "+1" would hide a name in the room it takes: three are all shown.
    expect(rowOf('three')).toHaveTextContent(/model-d1.*model-d2.*model-d3/);
    expect(rowOf('three')?.querySelector('details')).toBeNull();

    const five = rowOf('five') as HTMLElement;
    expect(within(five).getByText('model-d2')).toBeVisible();
    const more = five.querySelector('summary') as HTMLElement;
    expect(more).toHaveTextContent('+3 more deployments');
    expect(within(more).getByText('more deployments')).toHaveClass('sr-only');
    expect(within(five).getByText('model-d5')).not.toBeVisible();
    more.click();
    expect(within(five).getByText('model-d5')).toBeVisible();
  });

  it('marks a key whose binding job failed, "binding failed: reason · Retry", and its Retry re-runs it', async () => {
    vi.useRealTimers();
    const user = userEvent.setup();
    const failure: BindingFailure = {
      id: 'job-1/llama',
      jobId: 'job-1',
      startedAt: at(0),
      projectId: 1,
      keyName: 'failing',
      kind: 'bind',
      deployment: 'llama',
      message: "The API's task failed: GPU quota",
      interrupted: false,
      retrying: false,
      noticeDismissed: true,
      retryError: null,
    };
    renderTable([key('failing', null), key('fine', null)], undefined, {
      failedBindings: new Map([['failing', [failure]]]),
    });
    const row = rowOf('failing') as HTMLElement;
    expect(row).toHaveTextContent('None');
    expect(row).toHaveTextContent("binding failed: The API's task failed: GPU quota·Retry");
    expect(rowOf('fine')).not.toHaveTextContent('binding failed');
    await user.click(within(row).getByRole('button', { name: 'Retry binding failing to llama' }));
    expect(onRetryBinding).toHaveBeenCalledWith(['job-1/llama']);
  });

  it('puts the name first with its description below, marks new keys, and names the menu after its key', () => {
    renderTable([key('fresh', null, { key_id: 'fresh-id', description: 'for the CI' })]);
    const row = rowOf('fresh') as HTMLElement;
    const cells = within(row).getAllByRole('cell');
    expect(within(cells[0] as HTMLElement).getByRole('button', { name: 'fresh' })).toBeVisible();
    expect(cells[0]).toHaveTextContent('for the CI');
    expect(cells[1]).toHaveTextContent('New');
    expect(within(row).getByRole('button', { name: 'Actions for fresh' })).toHaveAttribute(
      'aria-haspopup',
      'menu',
    );
  });

  it('gives the expiry its exact local and UTC times, reached by the row arrow keys', () => {
    renderTable([key('tip', at(3 * DAY))]);
    const time = within(rowOf('tip') as HTMLElement)
      .getByText('in 3 days')
      .closest('time');
    // Not a tab stop of its own: the row has one (its name).
    expect(time).toHaveAttribute('tabindex', '-1');
    expect(time).toHaveAccessibleDescription(/^1 Dec 2026, 17:30 GMT\+5:30,1 Dec 2026, 12:00 UTC$/);
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

  it('has one tab stop per row, its name, and Left/Right/Home/End walk the row to the menu', async () => {
    vi.useRealTimers();
    const user = userEvent.setup();
    renderTable(
      [
        key('first', at(3 * DAY), { inference_instance_ids: ['d1', 'd2', 'd3', 'd4'] }),
        key('second', null),
      ],
      ['d1', 'd2', 'd3', 'd4'].map((id) => deployment(id, `model-${id}`)),
    );
    const first = rowOf('first') as HTMLElement;
    const tabbable = [
      ...first.querySelectorAll<HTMLElement>('button, summary, time, a, [tabindex]'),
    ].filter((element) => element.tabIndex >= 0);
    expect(tabbable.map((element) => element.textContent)).toEqual(['first']);

    within(first).getByRole('button', { name: 'first' }).focus();
    await user.keyboard('{ArrowRight}');
    // A native <summary>: the browser opens it on Enter/Space (jsdom does not; e2e checks it).
    expect(document.activeElement?.tagName).toBe('SUMMARY');
    expect(document.activeElement).toHaveTextContent('+2 more deployments');
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement?.tagName).toBe('TIME');
    await user.keyboard('{End}');
    const menuButton = within(first).getByRole('button', { name: 'Actions for first' });
    expect(menuButton).toHaveFocus();
    // The menu button's own keys: ArrowDown opens the menu, whose Edit reaches the key.
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(onEdit).toHaveBeenCalledWith(expect.objectContaining({ name: 'first' }));
    await user.keyboard('{Home}');
    expect(within(first).getByRole('button', { name: 'first' })).toHaveFocus();
    // Tab leaves the row for the next one's name.
    await user.tab();
    expect(
      within(rowOf('second') as HTMLElement).getByRole('button', { name: 'second' }),
    ).toHaveFocus();
  });

  it('moves Ctrl+Home to the first row and Ctrl+End to the last cell of the last row', async () => {
    vi.useRealTimers();
    const user = userEvent.setup();
    renderTable([key('first', null), key('middle', null), key('last', null)]);
    within(rowOf('middle') as HTMLElement)
      .getByRole('button', { name: 'middle' })
      .focus();

    await user.keyboard('{Control>}{End}{/Control}');
    expect(screen.getByRole('button', { name: 'Actions for last' })).toHaveFocus();
    await user.keyboard('{Control>}{Home}{/Control}');
    expect(
      within(rowOf('first') as HTMLElement).getByRole('button', { name: 'first' }),
    ).toHaveFocus();
  });

  it('opens the details from the name and from the menu', async () => {
    vi.useRealTimers();
    const user = userEvent.setup();
    renderTable([key('named', null)]);
    onDetails.mockClear();
    await user.click(screen.getByRole('button', { name: 'named' }));
    await user.click(screen.getByRole('button', { name: 'Actions for named' }));
    await user.click(screen.getByRole('menuitem', { name: 'Details' }));
    expect(onDetails).toHaveBeenCalledTimes(2);
  });

  it('says what a running job does beside the deployments ("binding 1 of 2"), "deleting…" on a key being deleted', () => {
    renderTable(
      [
        key('binds', null, { inference_instance_ids: ['dep-1'] }),
        key('goes', null),
        key('calm', null),
      ],
      undefined,
      { jobLabels: new Map([['binds', 'binding 1 of 2']]), pendingDeletions: new Set(['goes']) },
    );
    const cells = (name: string) => within(rowOf(name) as HTMLElement).getAllByRole('cell');
    expect(cells('binds')[2]).toHaveTextContent('binding 1 of 2');
    expect(cells('goes')[1]).toHaveTextContent('deleting…');
    expect(rowOf('calm')).not.toHaveTextContent(/binding|deleting…/);
    expect(rowOf('binds')).not.toHaveTextContent('deleting…');
  });

  it('is a table from md up and a list of cards below it (layout itself is checked in e2e)', () => {
    renderTable([key('card', null)]);
    const table = screen.getByRole('table');
    expect(table).toHaveClass('max-md:block');
    const row = rowOf('card') as HTMLElement;
    // Each row turns into a bordered grid card, its menu top right beside the name.
    expect(row).toHaveClass('max-md:grid', 'max-md:rounded-lg', 'max-md:border');
    const menuCell = within(row).getByRole('button', { name: 'Actions for card' }).closest('td');
    expect(menuCell).toHaveClass('max-md:col-start-2', 'max-md:row-start-1');
    // The facts a header names on a wide screen are labelled in the card itself.
    expect(within(row).getByText('Expires:')).toHaveClass('md:hidden');
    expect(within(row).getByText('Created:')).toHaveClass('md:hidden');
    // The keyboard hint is the table's description, read by screen readers and never on screen.
    expect(table).toHaveAccessibleDescription(/Left and Right arrows move/);
    expect(screen.getByText(/Left and Right arrows move/)).toHaveClass('sr-only');
  });

  it('labels the card facts only where rows are cards: a wide screen gets them from the header', () => {
    const screens = new Set<() => void>();
    let narrow = false;
    vi.stubGlobal('matchMedia', () => ({
      get matches() {
        return narrow;
      },
      addEventListener: (_: 'change', onChange: () => void) => screens.add(onChange),
      removeEventListener: (_: 'change', onChange: () => void) => screens.delete(onChange),
    }));
    try {
      renderTable([key('wide', null)]);
      const row = rowOf('wide') as HTMLElement;
      expect(within(row).queryByText('Expires:')).not.toBeInTheDocument();
      expect(within(row).queryByText('Created:')).not.toBeInTheDocument();
      expect(within(row).getByRole('button', { name: 'wide' })).toBeVisible();

      narrow = true;
      act(() => screens.forEach((onChange) => onChange()));
      expect(within(row).getByText('Expires:')).toBeInTheDocument();
      expect(within(row).getByText('Deployments:')).toBeInTheDocument();
      expect(within(row).getByText('Created:')).toBeInTheDocument();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
