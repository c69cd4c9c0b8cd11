import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { configuredApiGeneration, type ApiGeneration } from '../../../lib/api-config';
import type { KeysAdapter } from './key-model';
import { keysAdapterV2 } from './v2/api-key-v2-adapter';

// v3's adapter (its schemas, its deployment calls) is a chunk of its own: a v2 page never pays
// for it in first-load JS. Loaded once, then kept.
let v3Adapter: KeysAdapter | null = null;
const loadV3 = () =>
  import('./v3/api-key-v3-adapter').then((module) => (v3Adapter = module.keysAdapterV3));

// Requested as the app starts when the server already said v3, in parallel with the first render.
if (configuredApiGeneration() === 'v3') void loadV3();

const adapterNow = (generation: ApiGeneration) => (generation === 'v2' ? keysAdapterV2 : v3Adapter);

/** The generation's adapter, loading v3's chunk if it is not here yet: for reads started outside React. */
export const loadKeysAdapter = async (generation: ApiGeneration): Promise<KeysAdapter> =>
  adapterNow(generation) ?? (await loadV3());

const KeysAdapterContext = createContext<KeysAdapter | null>(null);

type KeysAdapterProviderProps = {
  generation: ApiGeneration;
  children: ReactNode;
  /** Shown while the generation's adapter loads (v3, the first time). */
  fallback?: ReactNode;
};

/** The active generation's adapter for everything below: components ask it, never the generation. */
export function KeysAdapterProvider({
  generation,
  children,
  fallback = <p role="status">Loading…</p>,
}: KeysAdapterProviderProps) {
  const [, setLoaded] = useState(0);
  const adapter = adapterNow(generation);
  useEffect(() => {
    if (adapter) return;
    let live = true;
    void loadV3().then(() => live && setLoaded((n) => n + 1));
    return () => {
      live = false;
    };
  }, [adapter]);
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
