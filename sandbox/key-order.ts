import { orderComparator } from './list-query';
import type { StoredApiKey } from './sandbox-types';

/** The spec's ApiKeyOrderByChoices. */
export const KEY_ORDER_FIELDS = ['name', 'created_at', 'expires_at'] as const;
export type KeyOrderField = (typeof KEY_ORDER_FIELDS)[number];

type Key = Readonly<StoredApiKey>;
type Comparator = (a: Key, b: Key) => number;

/** One project's sorted views and the creation sequence that breaks their ties. */
interface ProjectViews {
  created: Map<Key, number>;
  views: Map<KeyOrderField, View>;
}

interface View {
  keys: Key[];
  compare: Comparator;
}

/**
 * Each project's keys sorted ascending by each order field, built when the project is first
 * listed and then kept sorted as its keys come, change and go: a list call pages a ready array
 * instead of filtering and sorting every key in the store. Ties fall back to creation order, as
 * the list always did; a descending page reads the same array from its end (pageFromAscending).
 */
export class KeyOrder {
  #projects = new Map<number, ProjectViews>();
  /** Creation sequence, counted across projects; only its order within a project matters. */
  #next = 0;

  /** `keys` yields every key of the store in creation order; views are built from it. */
  constructor(private readonly keys: () => Iterable<Key>) {}

  clear(): void {
    this.#projects.clear();
  }

  added(key: Key): void {
    const project = this.#projects.get(key.project_id);
    if (!project) return;
    project.created.set(key, this.#next++);
    place(project, key);
  }

  removed(key: Key): void {
    const project = this.#projects.get(key.project_id);
    if (!project) return;
    take(project, key);
    project.created.delete(key);
  }

  /** Runs `change` on the key's fields with the key out of every view, then puts it back. */
  changing(key: Key, change: () => void): void {
    const project = this.#projects.get(key.project_id);
    if (project) take(project, key);
    change();
    if (project) place(project, key);
  }

  /** The project's keys sorted ascending by `field`; the array must not be modified. */
  ascending(projectId: number, field: KeyOrderField): readonly Key[] {
    let project = this.#projects.get(projectId);
    if (!project) {
      project = { created: new Map(), views: new Map() };
      for (const key of this.keys()) {
        if (key.project_id === projectId) project.created.set(key, this.#next++);
      }
      this.#projects.set(projectId, project);
    }
    let view = project.views.get(field);
    if (!view) {
      const created = project.created;
      const compare = orderComparator<Key, KeyOrderField>(
        { field, direction: 'asc' },
        (key, f) => key[f],
        (key) => created.get(key) ?? 0,
      );
      view = { keys: [...created.keys()].sort(compare), compare };
      project.views.set(field, view);
    }
    return view.keys;
  }
}

function place(project: ProjectViews, key: Key): void {
  for (const { keys, compare } of project.views.values()) {
    keys.splice(lowerBound(keys, key, compare), 0, key);
  }
}

function take(project: ProjectViews, key: Key): void {
  for (const [field, { keys, compare }] of project.views) {
    const at = lowerBound(keys, key, compare);
    // Not where its fields say: it changed behind the store's back. Rebuilt on next use.
    if (keys[at] === key) keys.splice(at, 1);
    else project.views.delete(field);
  }
}

/** The first index whose key does not sort before `key`. */
function lowerBound(view: readonly Key[], key: Key, compare: Comparator): number {
  let low = 0;
  let high = view.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(view[mid] as Key, key) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
