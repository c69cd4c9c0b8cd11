import { MAX_PAGE_SIZE } from '../../src/lib/list-schema';
import type { SandboxStore } from '../store/store';
import type { SandboxContext } from './context';
import { addInvalid, type InvalidFields, validationFailure } from './errors';

const DIRECTIONS = ['asc', 'desc'] as const;
type OrderBy<F extends string> = { field: F; direction: (typeof DIRECTIONS)[number] };
const nameOf = ({ field, direction }: OrderBy<string>) => `${field}.${direction}`;
type Page = { limit: number; offset: number };
type Sortable = string | number | boolean | null;

export const CREATED_DESC = { field: 'created_at', direction: 'desc' } as const;

/** A whole number; NaN when present but not one, so every range check refuses it. */
function integer(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  return /^-?\d+$/.test(raw) ? Number(raw) : NaN;
}

/** A project id from a path or a query; undefined (absent) means the default project. */
export function projectIdOf(raw: string | undefined): number | undefined {
  const id = integer(raw, 0);
  if (Number.isNaN(id)) throw validationFailure({ project_id: ['A valid integer is required.'] });
  return raw === undefined ? undefined : id;
}

/** v3's `{project_id}`, required in every path; an unknown or deleted project is a 404. */
export function projectParam(c: SandboxContext, store: SandboxStore): number {
  return store.requireProject(projectIdOf(c.req.param('project_id'))).id;
}

/** `limit` and `offset`; a broken one is named in `invalid`, for the caller's one 400. */
function readPage(c: SandboxContext, defaultLimit: number, invalid: InvalidFields): Page {
  const limit = integer(c.req.query('limit'), defaultLimit);
  if (!(limit >= 1 && limit <= MAX_PAGE_SIZE)) {
    addInvalid(invalid, 'limit', `Ensure this value is an integer from 1 to ${MAX_PAGE_SIZE}.`);
  }
  const offset = integer(c.req.query('offset'), 0);
  if (!(offset >= 0)) {
    addInvalid(invalid, 'offset', 'Ensure this value is an integer greater than or equal to 0.');
  }
  return { limit, offset };
}

/** limit, offset, order_by (`fallback` if absent); one 400 names them and any in `invalid`. */
export function parsePageQuery<F extends string>(
  c: SandboxContext,
  fields: readonly F[],
  fallback: OrderBy<F>,
  invalid: InvalidFields = {},
) {
  const page = readPage(c, 100, invalid);
  const raw = c.req.query('order_by');
  const choices = fields.flatMap((field) => DIRECTIONS.map((direction) => ({ field, direction })));
  const orderBy = raw === undefined ? fallback : choices.find((o) => nameOf(o) === raw);
  if (!orderBy) addInvalid(invalid, 'order_by', `Use one of: ${choices.map(nameOf).join(', ')}.`);
  if (Object.keys(invalid).length > 0) throw validationFailure(invalid);
  return { ...page, orderBy: orderBy ?? fallback };
}

/**
 * The page of a copy sorted by `keyOf`'s value, then its tie-break, so paging is stable. null sorts
 * as largest (a key that never expires expires last), as in PostgreSQL.
 */
export function sortedPage<T, F extends string>(
  items: readonly T[],
  page: Page & { orderBy: OrderBy<F> },
  keyOf: (item: T, field: F) => [Sortable, string | number],
) {
  const sign = page.orderBy.direction === 'asc' ? 1 : -1;
  const sorted = [...items].sort((a, b) => {
    const [valueA, tieA] = keyOf(a, page.orderBy.field);
    const [valueB, tieB] = keyOf(b, page.orderBy.field);
    return (compare(valueA, valueB) || compare(tieA, tieB)) * sign;
  });
  return pageOf(sorted, page);
}

function compare(a: Sortable, b: Sortable): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** v3's lists: limit and offset only, over `items` in the order given; a broken one is a 400. */
export function unsortedPage<T>(c: SandboxContext, defaultLimit: number, items: readonly T[]) {
  const invalid: InvalidFields = {};
  const page = readPage(c, defaultLimit, invalid);
  if (Object.keys(invalid).length > 0) throw validationFailure(invalid);
  return pageOf(items, page);
}

function pageOf<T>(items: readonly T[], page: Page) {
  return { count: items.length, results: items.slice(page.offset, page.offset + page.limit) };
}
