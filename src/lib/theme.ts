/**
 * The colour theme the user picked: a UI preference kept in localStorage (never anything
 * secret). "system" stores nothing and lets `prefers-color-scheme` decide through CSS alone;
 * "light"/"dark" pin it with `data-theme` on <html>, which src/index.css reads.
 * public/theme-boot.js applies the stored choice before first paint with the same key and values.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
export const THEME_STORAGE_KEY = 'theme';

const listeners = new Set<() => void>();

function isPinned(value: unknown): value is 'light' | 'dark' {
  return value === 'light' || value === 'dark';
}

/** The stored choice; "system" when none, when it is garbage, or when storage is blocked. */
export function readThemeChoice(): ThemeChoice {
  try {
    const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
    return isPinned(stored) ? stored : 'system';
  } catch {
    // Storage can throw (disabled cookies, some private modes): the system theme still works.
    return 'system';
  }
}

/** Sets `data-theme` on <html> (or removes it for "system"), which switches every token at once. */
export function applyThemeChoice(
  choice: ThemeChoice,
  root: HTMLElement = document.documentElement,
) {
  if (isPinned(choice)) root.dataset.theme = choice;
  else delete root.dataset.theme;
}

/** Remembers, applies and tells every subscriber (e.g. a second switch on the page). */
export function setThemeChoice(choice: ThemeChoice) {
  try {
    if (isPinned(choice)) window.localStorage.setItem(THEME_STORAGE_KEY, choice);
    else window.localStorage.removeItem(THEME_STORAGE_KEY);
  } catch {
    // Not remembered across reloads, but applied now: better than refusing the switch.
  }
  applyThemeChoice(choice);
  for (const listener of listeners) listener();
}

/** For `useSyncExternalStore`; a choice made in another tab arrives through `storage`. */
export function subscribeThemeChoice(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY && event.key !== null) return;
    applyThemeChoice(readThemeChoice());
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** What the page shows now: the pinned theme, or the system's. */
export function resolvedTheme(choice: ThemeChoice): 'light' | 'dark' {
  if (isPinned(choice)) return choice;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
