import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listChunkGroup } from './vite-list-chunk.ts';

const src = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));
const PANEL = src('features/api-keys/list/api-keys-panel.tsx');
const V2 = src('features/api-keys/api/v2/api-key-v2-adapter.ts');
const ROW = src('features/api-keys/list/api-key-row.tsx');
const DATES = src('lib/format-date.ts');
const SHARED = src('lib/list-schema.ts');
const DIALOG = src('features/api-keys/manage/edit-api-key-dialog.tsx');

/** A module graph as a chunking pass sees it: who imports whom statically. */
const graph: Record<string, string[]> = {
  [PANEL]: [ROW, SHARED],
  [ROW]: [DATES],
  [DATES]: [],
  [SHARED]: [],
  [V2]: [SHARED],
  [DIALOG]: [DATES],
};
const chunking = (() => {
  const infos = new Map(
    Object.entries(graph).map(([id, importedIds]) => [id, { id, importedIds }]),
  );
  return { getModuleInfo: (id: string) => infos.get(id) ?? null };
})();
const chunkOf = (id: string) => {
  const { name } = listChunkGroup;
  if (typeof name !== 'function') throw new Error('the group names its modules one by one');
  return name(id, chunking as unknown as Parameters<typeof name>[1]);
};

describe('the key list chunk', () => {
  it('holds the list and every module it imports statically, one request instead of a dozen', () => {
    expect([PANEL, ROW, DATES].map(chunkOf)).toEqual(Array(3).fill('api-keys-panel'));
  });

  it('leaves out what an adapter imports: the first keys call must not wait for the list', () => {
    expect(chunkOf(SHARED)).toBeNull();
  });

  it('leaves out what the list does not import (a row dialog)', () => {
    expect(chunkOf(DIALOG)).toBeNull();
    expect(chunkOf(V2)).toBeNull();
  });
});
