import { useEffect, useState } from 'react';
import type { VirtualKeyRows } from './virtual-key-rows';

type Body = typeof VirtualKeyRows;
/** The body to render a big page with; 'plain' where its chunk could not be fetched. */
export type BigPageBody = Body | 'plain' | null;

let fetched: Body | null = null;

/**
 * The virtualised body, fetched the first time a page is big: its chunk stays out of the first
 * load. Null until it is in (the table shows the first screenful meanwhile); once fetched, every
 * later big page has it at once. A chunk that fails to arrive (a deploy replaced it) leaves the
 * page rendering every row, slower but whole.
 */
export function useVirtualKeyRows(wanted: boolean): BigPageBody {
  const [body, setBody] = useState<BigPageBody>(() => fetched);
  useEffect(() => {
    if (!wanted || body !== null) return;
    let live = true;
    import('./virtual-key-rows').then(
      (module) => {
        fetched = module.VirtualKeyRows;
        if (live) setBody(() => module.VirtualKeyRows);
      },
      () => live && setBody('plain'),
    );
    return () => {
      live = false;
    };
  }, [wanted, body]);
  return body;
}
