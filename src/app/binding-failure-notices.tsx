import { LazyBoundary } from '../components/ui/lazy-boundary';
import { useFailuresOf } from '../features/deployments/binding/use-binding-failures';
import { useStartedJobs } from '../features/jobs/use-started-jobs';
import { lazyWithPreload } from '../lib/lazy-with-preload';

// Off the first load: only a failed job needs it, and by then the page has long painted.
const [BindingFailureToasts] = lazyWithPreload(
  () =>
    import('../features/deployments/binding/binding-failure-toasts').then(
      (m) => m.BindingFailureToasts,
    ),
  null,
);

/**
 * Once for the whole app: a job started in this browser that fails reaches the person who
 * started it, whether or not the dialog that began it is still open, after a reload too. The
 * server runs the jobs; this follows the ones this browser remembers starting.
 */
export function BindingFailureNotices() {
  const failures = useFailuresOf(useStartedJobs());
  if (failures.failures.every((failure) => failure.noticeDismissed)) return null;
  return (
    <LazyBoundary what="the binding notices">
      <BindingFailureToasts {...failures} />
    </LazyBoundary>
  );
}
