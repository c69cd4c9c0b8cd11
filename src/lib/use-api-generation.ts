import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import * as z from 'zod/mini';
import { configuredApiGeneration, type ApiGeneration } from './api-config';
import { apiRequest } from './api-client';
import { tokenStore } from './token-store';

/** The server's own endpoint (server/api-generation-endpoint.ts), outside `/cloud`. */
export const API_GENERATION_PATH = '/__app/api-generation';

const answerSchema = z.object({
  generation: z.nullable(z.enum(['v2', 'v3'])),
  reason: z.string(),
});

export type ApiGenerationState = {
  generation: ApiGeneration | null;
  /**
   * `known`: the page's meta tag or the server said; `detecting`: asking the server;
   * `unknown`: the server could not tell yet (`reason` says why); `error`: the question failed.
   */
  status: 'known' | 'detecting' | 'unknown' | 'error';
  reason: string | null;
  error: Error | null;
};

/**
 * The Gcore generation the server chose. The meta tag answers at once; a page whose HTML could not
 * say (personal sign-in, where each user's own token decides) asks the server with the signed-in
 * token, and asks again after each sign-in until the answer is known.
 */
export function useApiGeneration(): ApiGenerationState {
  const configured = configuredApiGeneration();
  const { signedIn, pageShown } = useSyncExternalStore(tokenStore.subscribe, tokenStore.getState);
  // A 401 mid-session keeps the page under the Sign in dialog with what was typed: it goes on
  // speaking the generation it had, since the token-less answer ("not known") would unmount it.
  const session = signedIn || pageShown;
  const query = useQuery({
    queryKey: ['api-generation', session],
    queryFn: ({ signal }) =>
      apiRequest({ method: 'GET', path: API_GENERATION_PATH, schema: answerSchema, signal }),
    enabled: configured === null,
    // A decided generation does not change for this token while the server runs; signing out
    // clears the cache, so the next user's token asks again.
    staleTime: (q) => (q.state.data?.generation ? Infinity : 0),
  });
  if (configured) return { generation: configured, status: 'known', reason: null, error: null };
  if (query.isError) {
    return { generation: null, status: 'error', reason: null, error: query.error };
  }
  if (!query.data) return { generation: null, status: 'detecting', reason: null, error: null };
  const { generation, reason } = query.data;
  return { generation, status: generation ? 'known' : 'unknown', reason, error: null };
}
