/* global window */
// Counts what React renders, the way React DevTools' profiler does, in the production build:
// React reports every commit to a DevTools hook when one is installed before it loads. A
// component rendered in a commit carries the PerformedWork flag and is a fiber object that was not
// in the previous commit's tree (a subtree React skipped keeps its old objects, flags and all).
// Plain JS, installed as a Playwright init script; only the render-count step installs it, so it
// never adds to a timed figure.
(() => {
  const PERFORMED_WORK = 0b1;
  // FunctionComponent, ClassComponent, ForwardRef, SimpleMemoComponent: what a developer calls a
  // component. Host elements and React's own wrappers are left out.
  const COMPONENT_TAGS = new Set([0, 1, 11, 15]);
  const counts = { commits: 0, rendered: 0, mounted: 0 };
  // By component name: only readable in an unminified build, for finding what a count is made of.
  let byName = new Map();
  const nameOf = (fiber) =>
    fiber.type?.displayName ?? fiber.type?.name ?? fiber.type?.render?.name ?? '?';
  let previous = new Set();

  const walk = (root) => {
    const seen = new Set();
    let rendered = 0;
    let mounted = 0;
    const stack = [root];
    while (stack.length > 0) {
      const fiber = stack.pop();
      seen.add(fiber);
      if (COMPONENT_TAGS.has(fiber.tag)) {
        mounted += 1;
        if (fiber.flags & PERFORMED_WORK && !previous.has(fiber)) {
          rendered += 1;
          byName.set(nameOf(fiber), (byName.get(nameOf(fiber)) ?? 0) + 1);
        }
      }
      if (fiber.sibling) stack.push(fiber.sibling);
      if (fiber.child) stack.push(fiber.child);
    }
    previous = seen;
    return { rendered, mounted };
  };

  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => undefined,
    onCommitFiberUnmount: () => undefined,
    onPostCommitFiberRoot: () => undefined,
    onCommitFiberRoot: (_renderer, root) => {
      const { rendered, mounted } = walk(root.current);
      counts.commits += 1;
      counts.rendered += rendered;
      counts.mounted = mounted;
    },
  };
  window.__renders = {
    /** Starts a fresh count; the tree as it stands is the baseline. */
    reset: () => {
      Object.assign(counts, { commits: 0, rendered: 0 });
      byName = new Map();
    },
    read: () => ({ ...counts }),
    byName: () => Object.fromEntries([...byName].sort((a, b) => b[1] - a[1])),
  };
})();
