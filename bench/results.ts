import type { BigListResult } from './big-list.ts';
import type { BundleResult } from './bundle.ts';
import type { Calibration } from './calibration.ts';
import type { InteractionResult } from './interaction.ts';
import type { LighthouseResult } from './lighthouse.ts';
import type { ListRenderResult } from './list-render.ts';
import type { GatewayResult } from './gateway.ts';
import type { JobsResult } from './jobs.ts';
import type { Generation } from './preview.ts';
import type { RenderCount } from './renders.ts';

/** The shape of bench/results.json. */
export type Results = {
  date: string;
  environment: { node: string; cpus: number; platform: string };
  /** The CPU loop timed at the start and at the end of the run, ms. */
  calibration: Calibration;
  /** What the run asked the preview for, and the generation the app's page was served. */
  generation: { asked: Generation; served: string };
  bundle: BundleResult;
  /** The app's and the floor's runs, interleaved, per preset. */
  lighthouse?: LighthouseResult;
  interaction?: InteractionResult;
  renders?: RenderCount[];
  listRender?: ListRenderResult;
  /** v3 only: a project of 10,000 keys. */
  bigList?: BigListResult;
  /** The production server's `/cloud` ÷ the sandbox straight, at 50 connections. */
  gateway?: GatewayResult;
  /** v3 only: bind jobs through the server ÷ the same work straight, and 100 jobs at once. */
  jobs?: JobsResult;
  budgets: Budget[];
};
export type Budget = { name: string; target: string; actual: string; met: boolean };
