import type { SearchUpdate } from '../../../lib/use-url-search';

export const PAGE_SIZES = [10, 25, 50, 100, 250, 500, 1000] as const;
export const DEFAULT_PAGE_SIZE = 25;

export const SORT_FIELDS = ['name', 'created_at', 'expires_at'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type Sort = { field: SortField; direction: 'asc' | 'desc' };
/** The API's own default order for keys: newest first. */
export const DEFAULT_SORT: Sort = { field: 'created_at', direction: 'desc' };

/** What the keys view shows. Everything here lives in the URL; the secret never does. */
export type KeysView = {
  projectId: number | null;
  page: number;
  pageSize: number;
  sort: Sort;
  filter: string;
  /** Only the keys that expire within 14 days (`?expiring=1`, the header's "Expiring soon"). */
  expiring: boolean;
  keyId: string | null;
};

/** Reads the view from the URL, falling back to defaults for anything missing or malformed. */
export function readKeysView(params: URLSearchParams): KeysView {
  const project = positiveInt(params.get('project'));
  const size = positiveInt(params.get('size'));
  return {
    projectId: project,
    page: positiveInt(params.get('page')) ?? 1,
    pageSize:
      size !== null && (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    sort: parseSort(params.get('sort')) ?? DEFAULT_SORT,
    filter: params.get('q') ?? '',
    expiring: params.get('expiring') === '1',
    keyId: params.get('key') || null,
  };
}

/** The URL update for a change; a change to anything but the page goes back to page 1. */
export function keysViewUpdate(change: Partial<KeysView>): SearchUpdate {
  const update: SearchUpdate = {};
  if ('projectId' in change)
    update.project = change.projectId === null ? null : String(change.projectId);
  if ('pageSize' in change) update.size = String(change.pageSize);
  if ('sort' in change && change.sort)
    update.sort = `${change.sort.field}.${change.sort.direction}`;
  if ('filter' in change) update.q = change.filter || null;
  if ('expiring' in change) update.expiring = change.expiring ? '1' : null;
  if ('keyId' in change) update.key = change.keyId ?? null;
  if ('page' in change) update.page = change.page === 1 ? null : String(change.page);
  else if (
    'projectId' in change ||
    'pageSize' in change ||
    'sort' in change ||
    'filter' in change ||
    'expiring' in change
  ) {
    update.page = null;
  }
  return update;
}

export const orderBy = (sort: Sort) => `${sort.field}.${sort.direction}`;

function parseSort(value: string | null): Sort | null {
  const match = /^(\w+)\.(asc|desc)$/.exec(value ?? '');
  const field = match?.[1] as SortField | undefined;
  if (!match || !field || !SORT_FIELDS.includes(field)) return null;
  return { field, direction: match[2] as Sort['direction'] };
}

function positiveInt(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const number = Number(value);
  return number >= 1 && Number.isSafeInteger(number) ? number : null;
}

/** "51–100 of 250"; "0 of 0" when empty. */
export function describeRange(page: number, pageSize: number, count: number): string {
  if (count === 0) return '0 of 0';
  const first = Math.min((page - 1) * pageSize + 1, count);
  const last = Math.min(page * pageSize, count);
  return `${first}–${last} of ${count}`;
}
