import { createContext, useContext, type ReactNode } from 'react';
import type { ApiGeneration } from '../../../lib/api-config';
import type { KeysAdapter } from './key-model';
import { keysAdapterV2 } from './v2/api-key-v2-adapter';
import { keysAdapterV3 } from './v3/api-key-v3-adapter';

const ADAPTERS: Record<ApiGeneration, KeysAdapter> = { v2: keysAdapterV2, v3: keysAdapterV3 };

const KeysAdapterContext = createContext<KeysAdapter | null>(null);

/** The active generation's adapter for everything below: components ask it, never the generation. */
export function KeysAdapterProvider({
  generation,
  children,
}: {
  generation: ApiGeneration;
  children: ReactNode;
}) {
  return (
    <KeysAdapterContext.Provider value={ADAPTERS[generation]}>
      {children}
    </KeysAdapterContext.Provider>
  );
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
