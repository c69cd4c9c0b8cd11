import { MAX_PAGE_SIZE } from '../../src/lib/list-schema';
import { addInvalid, type InvalidFields, validationFailure } from './errors';

export interface OrderBy<F extends string> {
  field: F;
  direction: 'asc' | 'desc';
}
export type QueryReader = (name: string) => string | undefined;
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

/** `limit` and `offset`; a broken one is named in `invalid`, for the caller's one 400. */
export function readPage(query: QueryReader, defaultLimit: number, invalid: InvalidFields) {
  const limit = integer(query('limit'), defaultLimit);
  if (!(limit >= 1 && limit <= MAX_PAGE_SIZE)) {
    addInvalid(invalid, 'limit', `Ensure this value is an integer from 1 to ${MAX_PAGE_SIZE}.`);
  }
  const offset = integer(query('offset'), 0);
  if (!(offset >= 0)) {
    addInvalid(invalid, 'offset', 'Ensure this value is an integer greater than or equal to 0.');
  }
  return { limit, offset };
}

/** limit, offset and order_by (`fallback` when absent), or one 400 naming each broken one. */
export function parsePageQuery<F extends string>(
  query: QueryReader,
  fields: readonly F[],
  fallback: OrderBy<F>,
  invalid: InvalidFields = {},
) {
  const page = readPage(query, 100, invalid);
  const orderBy = readOrder(query, fields, fallback, invalid);
  refuseInvalid(invalid);
  return { ...page, orderBy };
}

function readOrder<F extends string>(
  query: QueryReader,
  fields: readonly F[],
  fallback: OrderBy<F>,
  invalid: InvalidFields,
): OrderBy<F> {
  const raw = query('order_by');
  if (raw === undefined) return fallback;
  const [field, direction, ...rest] = raw.split('.');
  const known = fields.find((f) => f === field);
  if (known && rest.length === 0 && (direction === 'asc' || direction === 'desc')) {
    return { field: known, direction };
  }
  const choices = fields.flatMap((f) => [`${f}.asc`, `${f}.desc`]).join(', ');
  addInvalid(invalid, 'order_by', `Use one of: ${choices}.`);
  return fallback;
}

/** One 400 naming every broken parameter, so a client sees all of its mistakes at once. */
export function refuseInvalid(invalid: InvalidFields): void {
  if (Object.keys(invalid).length > 0) throw validationFailure(invalid);
}

/**
 * Sorts a copy by `keyOf`'s field value, then its tie-break in the same direction, so paging is
 * stable and same-second creations keep their order. null sorts as "largest" (a key that never
 * expires expires last): last ascending, first descending, as in PostgreSQL.
 */
export function sortItems<T, F extends string>(
  items: readonly T[],
  orderBy: OrderBy<F>,
  keyOf: (item: T, field: F) => [Sortable, string | number],
): T[] {
  const sign = orderBy.direction === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => {
    const [valueA, tieA] = keyOf(a, orderBy.field);
    const [valueB, tieB] = keyOf(b, orderBy.field);
    return (compare(valueA, valueB) || compare(tieA, tieB)) * sign;
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
