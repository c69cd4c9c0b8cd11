import { LazyBoundary } from '../components/ui/lazy-boundary';
import { useBindingFailures } from '../features/deployments/binding/use-binding-failures';
import { lazyWithPreload } from '../lib/lazy-with-preload';

// Off the first load: only a failed binding or deletion needs it, and by then the page has long
// painted.
const [BindingFailureToasts] = lazyWithPreload(
  () =>
    import('../features/deployments/binding/binding-failure-toasts').then(
      (m) => m.BindingFailureToasts,
    ),
  null,
);

/**
 * Once for the whole app: a binding or a "Detach and delete" that fails reaches the person who
 * started it, whether or not the dialog that began it is still open.
 */
export function BindingFailureNotices() {
  const failures = useBindingFailures();
  if (failures.failures.every((failure) => failure.noticeDismissed)) return null;
  return (
    <LazyBoundary what="the binding notices">
      <BindingFailureToasts {...failures} />
    </LazyBoundary>
  );
}
