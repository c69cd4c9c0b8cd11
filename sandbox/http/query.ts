import { MAX_PAGE_SIZE } from '../../src/lib/list-schema';
import { addInvalid, type InvalidFields, validationFailure } from './errors';

type Direction = 'asc' | 'desc';
export interface OrderBy<F extends string> {
  field: F;
  direction: Direction;
}
export interface PageQuery<F extends string> {
  limit: number;
  offset: number;
  orderBy: OrderBy<F>;
}

export type QueryReader = (name: string) => string | undefined;

export const DEFAULT_PAGE_SIZE = 100;

/**
 * Reads limit, offset and order_by, collecting every broken parameter into one 400 so a client
 * sees all of its mistakes at once.
 */
export function parsePageQuery<F extends string>(
  query: QueryReader,
  fields: readonly F[],
  defaultOrder: OrderBy<F>,
  invalid: InvalidFields = {},
): PageQuery<F> {
  const limit = parseInteger(query('limit'), DEFAULT_PAGE_SIZE);
  if (limit === undefined || limit < 1 || limit > MAX_PAGE_SIZE) {
    addInvalid(invalid, 'limit', `Ensure this value is an integer from 1 to ${MAX_PAGE_SIZE}.`);
  }
  const offset = parseInteger(query('offset'), 0);
  if (offset === undefined || offset < 0) {
    addInvalid(invalid, 'offset', 'Ensure this value is an integer greater than or equal to 0.');
  }
  const orderBy = parseOrderBy(query('order_by'), fields, defaultOrder);
  if (orderBy === undefined) {
    const choices = fields.flatMap((f) => [`${f}.asc`, `${f}.desc`]).join(', ');
    addInvalid(invalid, 'order_by', `Use one of: ${choices}.`);
  }
  if (Object.keys(invalid).length > 0 || !limit || offset === undefined || !orderBy) {
    throw validationFailure(invalid);
  }
  return { limit, offset, orderBy };
}

/** undefined: use the default project. A present but non-integer value is a 400. */
export function parseProjectId(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const id = parseInteger(raw, 0);
  if (id === undefined) throw validationFailure({ project_id: ['A valid integer is required.'] });
  return id;
}

/** undefined means "present but not an integer". */
export function parseInteger(raw: string | undefined, fallback: number): number | undefined {
  if (raw === undefined) return fallback;
  return /^-?\d+$/.test(raw) ? Number(raw) : undefined;
}

function parseOrderBy<F extends string>(
  raw: string | undefined,
  fields: readonly F[],
  fallback: OrderBy<F>,
): OrderBy<F> | undefined {
  if (raw === undefined) return fallback;
  const [field, direction, ...rest] = raw.split('.');
  const known = fields.find((f) => f === field);
  if (!known || rest.length > 0 || (direction !== 'asc' && direction !== 'desc')) return undefined;
  return { field: known, direction };
}

type Sortable = string | number | boolean | null;

/**
 * Sorts a copy. null sorts as "largest" (a key that never expires expires last), so it comes
 * last ascending and first descending, as in PostgreSQL. Ties fall back to `tieBreak`, in the
 * same direction, so paging is stable and same-second creations keep their order.
 */
export function sortItems<T, F extends string>(
  items: readonly T[],
  orderBy: OrderBy<F>,
  valueOf: (item: T, field: F) => Sortable,
  tieBreak: (item: T) => string | number,
): T[] {
  const sign = orderBy.direction === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => {
    const byField = compare(valueOf(a, orderBy.field), valueOf(b, orderBy.field)) * sign;
    return byField !== 0 ? byField : compare(tieBreak(a), tieBreak(b)) * sign;
  });
}

function compare(a: Sortable, b: Sortable): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export function pageOf<T>(items: readonly T[], page: { limit: number; offset: number }) {
  return { count: items.length, results: items.slice(page.offset, page.offset + page.limit) };
}
