import {
  lazy,
  startTransition,
  useEffect,
  useState,
  type ComponentType,
  type ReactNode,
} from 'react';
import { afterNextPaint } from './after-next-paint';
import { loadOnce } from './load-once';

/**
 * `React.lazy` plus a preload, and no 300 ms wait. A lazy component suspends the first time it
 * renders, even when its chunk is already here, and a Suspense fallback once shown stays up for
 * at least 300 ms. Here a preloaded component is mounted directly. One not loaded yet shows
 * `placeholder` first, then mounts after that paint in a transition, which waits for the chunk
 * with the placeholder still on screen. Render it inside a `<LazyBoundary>`, in case the chunk
 * never arrives.
 */
export function lazyWithPreload<P extends object>(
  load: () => Promise<ComponentType<P>>,
  placeholder: ReactNode,
) {
  const chunk = loadOnce(load);
  const preload = chunk.load;

  function Preloadable(props: P) {
    // Chosen once per mount: swapping the lazy wrapper for the real component would remount it.
    // A fresh lazy per mount, because React.lazy keeps a failure for good and a retry (a remount
    // by LazyBoundary) must fetch again.
    const [Component] = useState(
      () => chunk.current() ?? lazy(() => preload().then((component) => ({ default: component }))),
    );
    const [mounted, setMounted] = useState(Component === chunk.current());
    useEffect(() => {
      if (!mounted) return afterNextPaint(() => startTransition(() => setMounted(true)));
    }, [mounted]);
    return mounted ? <Component {...props} /> : placeholder;
  }
  return [Preloadable, () => void preload().catch(() => undefined)] as const;
}
