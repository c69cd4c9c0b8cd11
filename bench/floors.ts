import { STACK_FLOOR_SOURCE } from './stack-floor.ts';

/**
 * The throwaway apps the bundle is measured against, each built with the app's own build options.
 * `react` is the floor of the UI library alone. `stack` is the floor of the stack the product is
 * built on: every library the first screen cannot do without (React, TanStack Query,
 * react-hook-form with the zod resolver, zod/mini) doing the interactions the bench times, and
 * nothing else. The app's first load can only get as close to it as its own features allow, and
 * its timings are judged against the stack floor's, measured in the same run.
 */
export const FLOORS = {
  react: {
    label: 'React + react-dom, one element',
    source:
      "import { createRoot } from 'react-dom/client';\n" +
      "createRoot(document.getElementById('root')).render(<p>Hello</p>);\n",
  },
  stack: {
    label: '+ Query, react-hook-form, zod/mini: form, dialog, list',
    source: STACK_FLOOR_SOURCE,
  },
} as const;

export type FloorName = keyof typeof FLOORS;
