import { fileURLToPath } from 'node:url';
import type { Rolldown } from 'vite';

type NameModule = Extract<Rolldown.CodeSplittingGroup['name'], (...args: never[]) => unknown>;
type Chunking = Parameters<NameModule>[1];
type ModuleInfo = NonNullable<ReturnType<Chunking['getModuleInfo']>>;

const source = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));
const LIST_PANEL = source('features/api-keys/list/api-keys-panel.tsx');
// The first keys call waits for its generation's adapter: it must not wait for the list's code.
const ADAPTERS = [
  source('features/api-keys/api/v2/api-key-v2-adapter.ts'),
  source('features/api-keys/api/v3/api-key-v3-adapter.ts'),
];

// Per build: a chunking pass hands out one ModuleInfo object per module.
const closures = new WeakMap<ModuleInfo, Set<string>>();

/** Every module `root` imports statically, directly or not, itself included. */
function staticClosure(chunking: Chunking, root: ModuleInfo): Set<string> {
  const found = closures.get(root) ?? new Set<string>();
  if (found.size > 0) return found;
  const waiting = [root.id];
  while (waiting.length > 0) {
    const id = waiting.pop() as string;
    if (found.has(id)) continue;
    found.add(id);
    waiting.push(...(chunking.getModuleInfo(id)?.importedIds ?? []));
  }
  closures.set(root, found);
  return found;
}

/**
 * The key list and everything it imports statically, in one chunk. Left to themselves they were
 * the list's chunk and a dozen small ones it shares with the row dialogs, all asked for at once
 * beside the projects call: HTTP/1.1 gives a page six connections, so the projects call and the
 * list's code queued behind each other in two or three rounds (each a round trip on a phone).
 * Whatever else reaches one of these modules (a row dialog) comes after the list anyway; what an
 * adapter reaches too stays out, in chunks of its own.
 */
export const listChunkGroup: Rolldown.CodeSplittingGroup = {
  name: (id, chunking) => {
    const reaches = (root: string) => {
      const info = chunking.getModuleInfo(root);
      return info !== null && staticClosure(chunking, info).has(id);
    };
    return reaches(LIST_PANEL) && !ADAPTERS.some(reaches) ? 'api-keys-panel' : null;
  },
};
