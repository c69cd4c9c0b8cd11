import { loadOnce } from '../../../lib/load-once';

/**
 * The list's chunk, apart from the component that shows it: the first reads ask for it before
 * React DOM evaluates (this module reaches no React), so it arrives while the entry chunk
 * evaluates, and the page's first render finds it here rather than asking then.
 */
export const keysPanelChunk = loadOnce(() =>
  import('./api-keys-panel').then((module) => module.ApiKeysPanel),
);
