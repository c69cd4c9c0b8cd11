import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { afterNextPaint } from './after-next-paint';
import { loadOnce } from './load-once';

/**
 * A lazily loaded component plus a preload, without `React.lazy`. A preloaded component is
 * mounted directly. One not loaded yet shows `placeholder` first; after that paint it waits for
 * the chunk, then mounts in an ordinary (urgent) update. Not a lazy component in a transition:
 * React renders a transition, and the retry after a suspension, in 5 ms slices with the
 * browser's frames between them, and what mounts here (the key list) often arrives together
 * with its data, so its first rows would paint slices later. A chunk that never arrives throws
 * into the nearest `<LazyBoundary>`, which offers a retry.
 */
export function lazyWithPreload<P extends object>(
  load: () => Promise<ComponentType<P>>,
  placeholder: ReactNode,
) {
  const chunk = loadOnce(load);
  const preload = chunk.load;

  function Preloadable(props: P) {
    // Boxed: a component is a function, which useState would call as an updater.
    const [loaded, setLoaded] = useState(() => {
      const component = chunk.current();
      return component ? { component } : null;
    });
    const [failure, setFailure] = useState<{ error: unknown } | null>(null);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      const cancel = afterNextPaint(() => {
        preload().then(
          (component) => live && setLoaded({ component }),
          (error: unknown) => live && setFailure({ error }),
        );
      });
      return () => {
        live = false;
        cancel();
      };
    }, [loaded]);
    if (failure) throw failure.error;
    if (!loaded) return placeholder;
    const Component = loaded.component;
    return <Component {...props} />;
  }
  return [Preloadable, () => void preload().catch(() => undefined)] as const;
}
