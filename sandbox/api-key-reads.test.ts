// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { listKeysJson } from './api-key-reads';
import { KEY_ORDER_FIELDS, type KeyOrderField } from './key-order';
import { type Direction, pageOf, sortItems } from './list-query';
import { SandboxStore } from './sandbox-store';
import type { StoredApiKey } from './sandbox-types';
import { seededRandom } from './seeded-random';
import { keyOut } from './serializers';

/** The list as it was computed before the store kept sorted views: filter, sort, page, map. */
function referenceList(
  store: SandboxStore,
  projectId: number,
  orderBy: { field: KeyOrderField; direction: Direction },
  page: { limit: number; offset: number },
  now: Date,
): string {
  const keys = [...store.keys.values()].filter((k) => k.project_id === projectId);
  const created = new Map(keys.map((k, index) => [k, index]));
  const sorted = sortItems(
    keys,
    orderBy,
    (k, field) => k[field],
    (k) => created.get(k) ?? 0,
  );
  const { count, results } = pageOf(sorted, page);
  return JSON.stringify({ count, results: results.map((k) => keyOut(k, now)) });
}

/** Numbers and picks from one seeded stream, so a failing run can be replayed. */
function random(seed: number) {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, pick };
}

// Few distinct values, so ties (the creation-order tie-break) are common.
const CREATED = ['2024-01-01T00:00:00Z', '2025-03-03T03:03:03Z', '2025-03-03T03:03:04Z'];
const EXPIRES = [null, '2025-01-01T00:00:00Z', '2026-06-06T06:06:06Z', '2099-01-01T00:00:00.5Z'];
const NOWS = ['2024-06-01T00:00:00Z', '2025-06-01T00:00:00Z', '2030-01-01T00:00:00Z'];
const IDS = [[], ['a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d'], ['x', 'y']];

describe('listKeysJson', () => {
  it.each([1, 2, 3, 4])(
    'matches filter-sort-page through random creates, edits and deletes (seed %i)',
    (seed) => {
      const { next, pick } = random(seed);
      const store = new SandboxStore(seed * 3);
      let now = new Date(NOWS[0] as string);
      const deps = { store, now: () => now };
      let serial = 0;
      for (let step = 0; step < 600; step += 1) {
        const keys = [...store.keys.values()];
        const roll = next();
        if (roll < 0.3) {
          serial += 1;
          store.addKey(newKey(serial, pick([1, 2]), pick(CREATED), pick(EXPIRES)));
        } else if (roll < 0.45 && keys.length > 0) {
          store.updateKey(pick(keys), {
            description: next() < 0.5 ? `edited ${step}` : undefined,
            expires_at: next() < 0.7 ? pick(EXPIRES) : undefined,
            inference_instance_ids: next() < 0.3 ? [...pick(IDS)] : undefined,
          });
        } else if (roll < 0.55 && keys.length > 0) {
          store.deleteKey(pick(keys));
        } else if (roll < 0.57) {
          store.reset();
        } else {
          if (next() < 0.2) now = new Date(pick(NOWS));
          const projectId = pick([1, 2]);
          const orderBy = {
            field: pick(KEY_ORDER_FIELDS),
            direction: pick<Direction>(['asc', 'desc']),
          };
          const page = { limit: 1 + Math.floor(next() * 8), offset: Math.floor(next() * 12) };
          const query: Record<string, string> = {
            project_id: String(projectId),
            order_by: `${orderBy.field}.${orderBy.direction}`,
            limit: String(page.limit),
            offset: String(page.offset),
          };
          const expected = referenceList(store, projectId, orderBy, page, now);
          expect(listKeysJson(deps, (name) => query[name])).toBe(expected);
        }
      }
    },
  );
});

function newKey(serial: number, projectId: number, createdAt: string, expiresAt: string | null) {
  const key: StoredApiKey = {
    key_id: `00000000-0000-4000-8000-${String(serial).padStart(12, '9')}`,
    name: `key-${serial % 7}-${serial}`,
    description: serial % 3 === 0 ? null : `about "${serial}"`,
    created_at: createdAt,
    expires_at: expiresAt,
    inference_instance_ids: [],
    project_id: projectId,
  };
  return key;
}
