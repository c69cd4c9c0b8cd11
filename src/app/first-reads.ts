import { createQueryClient } from '../lib/query-client';
import { startFirstReads } from './start-first-reads';

/**
 * The page's query client, its first reads already asked for. main.tsx imports this module
 * first, and it reaches no React DOM: modules evaluate in import order, so the reads are on the
 * wire while React DOM and the rest of the entry chunk evaluate (most of the first load's
 * script), not after all of it (first-reads-order.test.ts).
 */
export const queryClient = createQueryClient();
startFirstReads(queryClient);
