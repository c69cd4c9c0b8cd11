import { measureBigList } from './big-list.ts';
import { measureInteraction } from './interaction.ts';
import { measureLighthouse } from './lighthouse.ts';
import { measureListRender } from './list-render.ts';
import { measureRenders } from './renders.ts';
import { servedGeneration, startPreview, type Generation } from './preview.ts';
import type { Results } from './results.ts';
import type { Step, StepCounts } from './steps.ts';

export type PageMeasures = Pick<
  Results,
  'generation' | 'lighthouse' | 'interaction' | 'renders' | 'listRender' | 'bigList'
>;

/** Every page step against one preview: the app at `/`, the stack floor beside it. */
export async function measurePageSteps(
  outDir: string,
  generation: Generation,
  steps: ReadonlySet<Step>,
  counts: StepCounts,
  log: (what: string) => void,
): Promise<PageMeasures> {
  log(`starting vite preview and its sandbox (generation: ${generation})`);
  const preview = await startPreview(outDir, generation);
  try {
    const results: PageMeasures = {
      generation: { asked: generation, served: await servedGeneration() },
    };
    if (steps.has('lighthouse')) {
      log('Lighthouse, mobile (light and dark) and desktop, app and floor in turns');
      results.lighthouse = await measureLighthouse(counts.lighthouseRuns);
    }
    if (steps.has('interaction')) {
      log('create → reveal dialog, navigation → form usable, app and floor in turns');
      results.interaction = await measureInteraction(counts.runs);
    }
    if (steps.has('renders')) {
      log('components React renders per action');
      results.renders = await measureRenders();
    }
    if (steps.has('list')) {
      log('list rendering with 1000 keys, app and floor in turns');
      results.listRender = await measureListRender(counts.listRuns);
    }
    if (steps.has('list10k')) {
      // A v3 step: only v3 lists are fetched whole and filtered in the page by design.
      if (results.generation.served === 'v3') {
        log('a v3 project with 10,000 keys: first rows, then a filter, app and floor in turns');
        results.bigList = await measureBigList(counts.listRuns);
      } else log(`10,000-key step skipped: the app was served ${results.generation.served}`);
    }
    return results;
  } finally {
    await preview.stop();
  }
}
