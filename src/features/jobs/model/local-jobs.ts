import { useSyncExternalStore } from 'react';

/**
 * The jobs started in this browser, and the failure notices dismissed here, in localStorage so a
 * reload or another tab still tells the person who started a job that it failed. Only job ids:
 * nothing secret, nothing about the key. `retried` stays in memory: a retry in flight is this
 * tab's business.
 */
export type LocalJobs = {
  started: readonly string[];
  dismissed: readonly string[];
  retried: readonly string[];
};

const STARTED_KEY = 'gcore-keys:jobs-started';
const DISMISSED_KEY = 'gcore-keys:jobs-dismissed';
/** Older ids drop off: the server forgets finished jobs after a day anyway. */
const KEEP = 100;

const listeners = new Set<() => void>();
let retried: readonly string[] = [];
/**
 * The last snapshot, and whether it still matches storage. It is trusted only while someone
 * subscribes: only then does the `storage` listener hear other tabs, so with nobody listening each
 * snapshot reads storage again.
 */
let cache: { raw: string; value: LocalJobs } | null = null;
let fresh = false;

function read(key: string): string[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

function write(key: string, ids: readonly string[]): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(ids.slice(-KEEP)));
  } catch {
    // Storage full or refused (private mode): the notices then last as long as the tab.
  }
  changed();
}

function changed(): void {
  fresh = false;
  for (const listener of listeners) listener();
}

function snapshot(): LocalJobs {
  if (cache && fresh && listeners.size > 0) return cache.value;
  const started = read(STARTED_KEY);
  const dismissed = read(DISMISSED_KEY);
  const raw = JSON.stringify([started, dismissed, retried]);
  // The same lists keep the same object, so React sees no change where there is none.
  if (cache?.raw !== raw) cache = { raw, value: { started, dismissed, retried } };
  fresh = true;
  return cache.value;
}

/** Another tab's start or dismissal counts here too (`key` is null when it cleared storage). */
function onStorage(event: StorageEvent): void {
  if (event.storageArea !== window.localStorage) return;
  if (event.key === null || event.key === STARTED_KEY || event.key === DISMISSED_KEY) changed();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    // Storage may have changed while nobody was listening.
    fresh = false;
    window.addEventListener('storage', onStorage);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}

const without = (ids: readonly string[], id: string) => ids.filter((other) => other !== id);

export const localJobs = {
  snapshot,
  subscribe,
  started(id: string): void {
    write(STARTED_KEY, [...without(read(STARTED_KEY), id), id]);
  },
  /** Its notice closed; a new failure after a retry shows it again. */
  dismiss(id: string): void {
    write(DISMISSED_KEY, [...without(read(DISMISSED_KEY), id), id]);
  },
  retried(id: string): void {
    retried = [...without(retried, id), id];
    write(DISMISSED_KEY, without(read(DISMISSED_KEY), id));
  },
  /** Nothing left to say about it: it landed, or the server no longer knows it. */
  forget(id: string): void {
    retried = without(retried, id);
    write(STARTED_KEY, without(read(STARTED_KEY), id));
    write(DISMISSED_KEY, without(read(DISMISSED_KEY), id));
  },
};

export function useLocalJobs(): LocalJobs {
  return useSyncExternalStore(localJobs.subscribe, localJobs.snapshot, localJobs.snapshot);
}
