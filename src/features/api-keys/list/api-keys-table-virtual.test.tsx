import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KeyRecord } from '../api/key-model';
import { toKeyRecordV2 } from '../api/v2/api-key-v2-adapter';
import { DEFAULT_SORT } from '../model/keys-view';
import { KeysAdapterProvider } from '../api/keys-adapter-context';
import { ApiKeysTable } from './api-keys-table';

// jsdom lays nothing out: every row is 40 px tall, the window 800 px, and the page (whose top
// holds the table's body) scrolls by `window.scrollY`, as the virtualiser reads it.
const ROW_PX = 40;
const WINDOW_PX = 800;

const keys = (count: number): KeyRecord[] =>
  Array.from({ length: count }, (_, index) =>
    toKeyRecordV2({
      key_id: `id-${index}`,
      name: `key-${String(index).padStart(4, '0')}`,
      status: 'ACTIVE',
      created_at: '2026-11-01T00:00:00Z',
      description: null,
      expires_at: null,
      inference_instance_ids: [],
      project_id: 1,
    }),
  );

async function renderTable(rows: KeyRecord[]) {
  // Inside act: the virtualised body's chunk arrives (a resolved import) before it ends.
  await act(async () => {
    render(
      <KeysAdapterProvider generation="v2">
        <ApiKeysTable
          labelledBy="t"
          rows={rows}
          deployments={[]}
          sort={DEFAULT_SORT}
          onSort={vi.fn()}
          jobLabels={new Map()}
          pendingDeletions={new Set()}
          failedBindings={new Map()}
          onRotate={vi.fn()}
          rotations={new Map()}
          onRetireNow={vi.fn()}
          onKeep={vi.fn()}
          onRetryBinding={vi.fn()}
          onDetails={vi.fn()}
          onEdit={vi.fn()}
          onDelete={vi.fn()}
        />
      </KeysAdapterProvider>,
    );
  });
  return screen.getByRole('table');
}

/** The key rows the table has in the DOM (the header row left out). */
const keyRows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);
const nameOf = (row: HTMLElement) => within(row).getAllByRole('button')[0]?.textContent;
const nameAt = (place: number) => `key-${String(place).padStart(4, '0')}`;
/** The place in the page of each rendered key, by its name: key-0042 is the 43rd. */
const placesOf = (table: HTMLElement) => keyRows(table).map((row) => Number(nameOf(row)?.slice(4)));

/** What the page does when it scrolls: the offset moves, then a scroll event. */
function pageScrolls(y: number) {
  Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
  fireEvent.scroll(window);
}
const scrollTo = (y: number) => act(() => pageScrolls(y));

/** Waits until the virtualised body has replaced the first screenful shown while it loads. */
async function virtualRows(table: HTMLElement) {
  await waitFor(() => {
    expect(keyRows(table).length).toBeGreaterThan(0);
    expect(keyRows(table).length).toBeLessThan(50);
  });
  return keyRows(table);
}

// The big page's body is a chunk of its own: in before the first render, as a cached chunk is.
beforeAll(async () => {
  await import('./virtual-key-rows');
});

beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (
    this: HTMLElement,
  ) {
    return this.tagName === 'TR' ? ROW_PX : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(
    () => ({ top: -window.scrollY, height: ROW_PX }) as DOMRect,
  );
  // The page is as tall as its rows: the virtualiser reads scrolls past the end as overscroll.
  vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockReturnValue(2000 * ROW_PX);
  vi.stubGlobal('innerHeight', WINDOW_PX);
  // The virtualiser scrolls the page itself (to keep rows in place as they are measured).
  vi.stubGlobal('scrollTo', ({ top }: { top: number }) => pageScrolls(top));
  Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('ApiKeysTable, a big page', () => {
  it('renders the rows in view, not 1000, and says how many there are and where each sits', async () => {
    const table = await renderTable(keys(1000));
    const rows = await virtualRows(table);

    expect(rows.length).toBeGreaterThanOrEqual(WINDOW_PX / ROW_PX);
    expect(table).toHaveAttribute('aria-rowcount', '1001');
    expect(within(table).getAllByRole('row')[0]).toHaveAttribute('aria-rowindex', '1');
    const first = screen.getByRole('button', { name: 'key-0000' }).closest('tr');
    expect(first).toBe(rows[0]);
    expect(first).toHaveAttribute('aria-rowindex', '2');

    // Rows not rendered yet count at the virtualiser's estimate, so where exactly is its own
    // business: what matters is that the middle of the page is there, and only that.
    scrollTo(500 * ROW_PX);
    await waitFor(() => expect(Math.min(...placesOf(table))).toBeGreaterThan(300));
    const shown = keyRows(table);
    expect(shown.length).toBeLessThan(50);
    for (const row of shown) {
      expect(row).toHaveAttribute('aria-rowindex', String(Number(nameOf(row)?.slice(4)) + 2));
    }
  });

  it('moves Tab from the last rendered row to the next key, rendered for it', async () => {
    const user = userEvent.setup();
    const table = await renderTable(keys(1000));
    await virtualRows(table);
    const last = Math.max(...placesOf(table));
    expect(screen.queryByRole('button', { name: nameAt(last + 1) })).not.toBeInTheDocument();

    act(() => screen.getByRole('button', { name: nameAt(last) }).focus());
    await user.tab();

    const next = screen.getByRole('button', { name: nameAt(last + 1) });
    expect(next).toHaveFocus();
    expect(next.closest('tr')).toHaveAttribute('aria-rowindex', String(last + 3));
  });

  it('moves Ctrl+End to the last key of the page and Ctrl+Home back to the first, rendered for it', async () => {
    const user = userEvent.setup();
    const table = await renderTable(keys(1000));
    await virtualRows(table);
    act(() => screen.getByRole('button', { name: nameAt(2) }).focus());

    await user.keyboard('{Control>}{End}{/Control}');
    const menu = await screen.findByRole('button', { name: `Actions for ${nameAt(999)}` });
    await waitFor(() => expect(menu).toHaveFocus());
    expect(menu.closest('tr')).toHaveAttribute('aria-rowindex', '1001');

    await user.keyboard('{Control>}{Home}{/Control}');
    await waitFor(() => expect(screen.getByRole('button', { name: nameAt(0) })).toHaveFocus());
  });

  it('keeps the row holding focus rendered, and focused, when the page scrolls far from it', async () => {
    const table = await renderTable(keys(1000));
    await virtualRows(table);
    const name = screen.getByRole('button', { name: 'key-0003' });
    act(() => name.focus());

    scrollTo(700 * ROW_PX);
    await waitFor(() => expect(Math.max(...placesOf(table))).toBeGreaterThan(300));

    expect(screen.getByRole('button', { name: 'key-0003' })).toHaveFocus();
    expect(keyRows(table).map(nameOf)).toContain('key-0004');
  });
});

describe('ApiKeysTable, a small page', () => {
  it('renders every row, as ever, with no row count to announce', async () => {
    const table = await renderTable(keys(20));

    expect(keyRows(table)).toHaveLength(20);
    expect(table).not.toHaveAttribute('aria-rowcount');
    expect(keyRows(table)[19]).not.toHaveAttribute('aria-rowindex');
  });
});
