import type { BundleResult } from './bundle.ts';
import type { InteractionResult } from './interaction.ts';
import type { LighthouseRun } from './lighthouse.ts';
import type { ListRenderResult } from './list-render.ts';
import type { RenderCount } from './renders.ts';

/** The shape of bench/results.json. */
export type Results = {
  date: string;
  environment: { node: string; cpus: number; platform: string };
  bundle: BundleResult;
  lighthouse?: Record<'mobile' | 'desktop', LighthouseRun & { runs: number[] }>;
  interaction?: InteractionResult;
  renders?: RenderCount[];
  listRender?: ListRenderResult;
  budgets: Budget[];
};
export type Budget = { name: string; target: string; actual: string; met: boolean };
