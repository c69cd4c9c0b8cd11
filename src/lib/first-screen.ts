import type { QueryClient } from '@tanstack/react-query';
import { whenIdle } from './when-idle';

/**
 * However long the first screen takes (an API that never answers, a view without the list),
 * what waits for it starts this long after it first asked.
 */
const LONGEST_WAIT_MS = 5_000;

type FirstScreen = { shown: boolean; waiting: Set<() => void> };

// One first screen per app (its query client): a test's fresh app has not shown its own yet.
const screens = new WeakMap<QueryClient, FirstScreen>();
const screenOf = (client: QueryClient) => {
  const found = screens.get(client) ?? { shown: false, waiting: new Set() };
  screens.set(client, found);
  return found;
};

/**
 * The first screen (the key list, or what stands in its place: its error, its empty state) is
 * on screen. Idle moments before that fall in the keys call's round trip, and a chunk evaluated
 * there delays the list's own render; after it, they are the user's reading time.
 */
export function markFirstScreenShown(client: QueryClient): void {
  const screen = screenOf(client);
  if (screen.shown) return;
  screen.shown = true;
  for (const start of [...screen.waiting]) start();
}

/**
 * Runs `callback` in an idle moment after the app's first screen is shown (see `whenIdle`).
 * Returns a cancel function, for an effect's cleanup.
 */
export function afterFirstScreen(client: QueryClient, callback: () => void): () => void {
  const screen = screenOf(client);
  if (screen.shown) return whenIdle(callback);
  let cancelIdle = () => {};
  const start = () => {
    screen.waiting.delete(start);
    clearTimeout(timer);
    cancelIdle = whenIdle(callback);
  };
  const timer = setTimeout(start, LONGEST_WAIT_MS);
  screen.waiting.add(start);
  return () => {
    screen.waiting.delete(start);
    clearTimeout(timer);
    cancelIdle();
  };
}
