import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { configuredApiGeneration, type ApiGeneration } from '../../../lib/api-config';
import { loadOnce } from '../../../lib/load-once';
import type { KeysAdapter } from './key-model';

// Each generation's adapter (its schemas, its calls) is a chunk of its own: a page pays in
// first-load JS for neither, and fetches the one it speaks in parallel with the projects call
// its keys wait for anyway. Loaded once, then kept; a failed fetch is tried again next time.
const adapters: Record<ApiGeneration, ReturnType<typeof loadOnce<KeysAdapter>>> = {
  v2: loadOnce(() => import('./v2/api-key-v2-adapter').then((module) => module.keysAdapterV2)),
  v3: loadOnce(() => import('./v3/api-key-v3-adapter').then((module) => module.keysAdapterV3)),
};

/** The generation's adapter, fetching its chunk if it is not here yet: for reads started outside React. */
export const loadKeysAdapter = (generation: ApiGeneration): Promise<KeysAdapter> =>
  adapters[generation].load();

// Requested as the app starts when the server already said which, beside the first render.
const configured = configuredApiGeneration();
if (configured) void loadKeysAdapter(configured).catch(() => undefined);

const adapterNow = (generation: ApiGeneration) => adapters[generation].current() ?? null;

const KeysAdapterContext = createContext<KeysAdapter | null>(null);

type KeysAdapterProviderProps = {
  generation: ApiGeneration;
  children: ReactNode;
  /** Shown while the generation's adapter loads (the first time). */
  fallback?: ReactNode;
};

/** The active generation's adapter for everything below: components ask it, never the generation. */
export function KeysAdapterProvider({
  generation,
  children,
  fallback = <p role="status">Loading…</p>,
}: KeysAdapterProviderProps) {
  const [, setLoaded] = useState(0);
  const [failure, setFailure] = useState<unknown>(undefined);
  const adapter = adapterNow(generation);
  useEffect(() => {
    if (adapter) return;
    let live = true;
    // A chunk that never arrives throws into the nearest LazyBoundary, which offers a retry.
    loadKeysAdapter(generation).then(
      () => live && setLoaded((n) => n + 1),
      (error: unknown) => live && setFailure(() => error),
    );
    return () => {
      live = false;
    };
  }, [adapter, generation]);
  if (failure !== undefined) throw failure;
  if (!adapter) return fallback;
  return <KeysAdapterContext.Provider value={adapter}>{children}</KeysAdapterContext.Provider>;
}

/**
 * The active adapter. No silent default: a component rendered outside the provider would
 * otherwise speak v2 to an API that may only know v3.
 */
export function useKeysAdapter(): KeysAdapter {
  const adapter = useContext(KeysAdapterContext);
  if (!adapter) throw new Error('useKeysAdapter() needs a <KeysAdapterProvider> above it.');
  return adapter;
}
