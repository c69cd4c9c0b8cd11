import { Suspense, type ComponentProps } from 'react';
import { LazyBoundary } from '../../../components/ui/lazy-boundary';
import { lazyWithPreload } from '../../../lib/lazy-with-preload';

const opening = (
  <p role="status" className="sr-only">
    Key created; opening it…
  </p>
);

// The reveal dialog (secret field, clipboard, summary) is not needed to paint the form, so it is
// a chunk of its own. The form preloads it once it is on screen, long before a create can answer,
// so the dialog opens without waiting for its code.
const [RevealDialog, preloadRevealDialog] = lazyWithPreload(
  () => import('./reveal-dialog').then((m) => m.RevealDialog),
  opening,
);

export { preloadRevealDialog };

export function LazyRevealDialog(props: ComponentProps<typeof RevealDialog>) {
  // The secret stays in the form's state until the dialog shows it, so a retry loses nothing.
  return (
    <LazyBoundary what="the dialog that shows the new key's secret">
      <Suspense fallback={opening}>
        <RevealDialog {...props} />
      </Suspense>
    </LazyBoundary>
  );
}
