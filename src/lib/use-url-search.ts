import { useSyncExternalStore } from 'react';

const CHANGE = 'app:urlchange';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

const readSearch = () => window.location.search;

export type SearchUpdate = Record<string, string | null>;

/**
 * Changes the query string: `null` removes a parameter. `push` makes a history entry (Back undoes
 * it); `replace` does not. For callers that write the URL without reading all of it.
 */
export function setUrlSearch(update: SearchUpdate, mode: 'push' | 'replace' = 'push'): void {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(update)) {
    if (value === null || value === '') url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  if (url.search === window.location.search) return;
  window.history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', url);
  window.dispatchEvent(new Event(CHANGE));
}

/**
 * The query string as state, so a view can be shared and survives a reload. `null` removes a
 * parameter (see `setUrlSearch`).
 */
export function useUrlSearch(): [
  URLSearchParams,
  (update: SearchUpdate, mode?: 'push' | 'replace') => void,
] {
  const search = useSyncExternalStore(subscribe, readSearch, () => '');
  return [new URLSearchParams(search), setUrlSearch];
}

/**
 * One fact read from the query string: the caller re-renders when that fact changes, not on every
 * change to the URL (a filter typed in the list rewrites it four times a second).
 */
export function useUrlFact<T extends string | number | boolean | null>(
  read: (search: URLSearchParams) => T,
): T {
  return useSyncExternalStore(
    subscribe,
    () => read(new URLSearchParams(readSearch())),
    () => read(new URLSearchParams()),
  );
}
