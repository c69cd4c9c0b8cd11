import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/**
 * Whether `needle` is anywhere in the page's JavaScript heap: garbage is collected first (a few
 * times, so objects freed by finalisers and weak maps go too), then a full heap snapshot is taken
 * over the DevTools protocol and its text searched. A string reachable from anything in the page
 * (state, a closure, a cache, a detached DOM node) is in the snapshot; one that is not, is not.
 * `HEAP_DUMP=/tmp/x` keeps each snapshot, to open in DevTools and see what retains a string.
 */
export async function heapContains(page: Page, needle: string): Promise<boolean> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.enable');
    for (let i = 0; i < 3; i += 1) await session.send('HeapProfiler.collectGarbage');
    const chunks: string[] = [];
    session.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
    await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    const snapshot = chunks.join('');
    const dump = process.env.HEAP_DUMP;
    if (dump) writeFileSync(`${dump}-${Date.now()}.heapsnapshot`, snapshot);
    return snapshot.includes(needle);
  } finally {
    await session.detach();
  }
}
