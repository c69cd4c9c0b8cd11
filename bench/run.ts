import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { measureBigList } from './big-list.ts';
import { measureBundle } from './bundle.ts';
import { ROOT } from './config.ts';
import { measureInteraction } from './interaction.ts';
import { measureLighthouse } from './lighthouse.ts';
import { measureListRender } from './list-render.ts';
import { measureRenders } from './renders.ts';
import { GENERATIONS, servedGeneration, startPreview, type Generation } from './preview.ts';
import { calibration, timeCpuLoop } from './calibration.ts';
import { stopAll } from './processes.ts';
import { checkBudgets } from './budgets.ts';
import { printReport } from './report.ts';
import type { Results } from './results.ts';

const STEPS = ['lighthouse', 'interaction', 'renders', 'list', 'list10k'] as const;
type Step = (typeof STEPS)[number];

const { values } = parseArgs({
  options: {
    // The bundle is always measured: every other step runs against that build.
    only: { type: 'string', default: STEPS.join(',') },
    runs: { type: 'string', default: '40' },
    'list-runs': { type: 'string', default: '10' },
    'lighthouse-runs': { type: 'string', default: '3' },
    out: { type: 'string', default: join(ROOT, 'bench', 'results.json') },
    // both (default): a v2 run, then a v3 run; auto: the sandbox serves both and the server picks.
    generation: { type: 'string', default: 'both' },
  },
});
const steps = new Set(values.only.split(',').filter((s): s is Step => STEPS.some((k) => k === s)));
const count = (value: string) => Math.max(1, Number.parseInt(value, 10) || 1);
const generations: Generation[] =
  values.generation === 'both'
    ? ['v2', 'v3']
    : GENERATIONS.filter((generation) => generation === values.generation);
if (generations.length === 0) {
  console.error(`--generation takes auto, v2, v3 or both; got "${values.generation}".`);
  process.exit(2);
}
/** With two generations, bench/results.json becomes results-v2.json and results-v3.json. */
const outFile = (generation: Generation) =>
  generations.length > 1 ? values.out.replace(/(\.json)?$/, `-${generation}.json`) : values.out;

// Builds go to a temp dir, never to dist/, which other work on this machine may be using.
let workDir: string | undefined;
const cleanUp = async () => {
  await stopAll();
  if (workDir) await rm(workDir, { recursive: true, force: true });
};

async function main(): Promise<void> {
  const started = Date.now();
  workDir = await mkdtemp(join(tmpdir(), 'gcore-keys-bench-'));
  const log = (what: string) =>
    console.log(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${what}`);
  try {
    log('building the app and the floors');
    const { outDir, ...bundle } = await measureBundle(workDir);
    for (const generation of generations) {
      // Around the timed steps only: the build's bytes do not depend on the machine's speed.
      log('timing the CPU loop (machine speed at the start)');
      const startMs = timeCpuLoop();
      const results = await measure(outDir, generation, log);
      log('timing the CPU loop (machine speed at the end)');
      const full: Results = {
        date: new Date().toISOString(),
        environment: { node: process.version, cpus: cpus().length, platform: process.platform },
        calibration: calibration(startMs, timeCpuLoop()),
        bundle,
        ...results,
        budgets: [],
      };
      full.budgets = checkBudgets(full);
      await writeFile(outFile(generation), `${JSON.stringify(full, null, 2)}\n`);
      printReport(full);
      log(`done; results in ${outFile(generation)}`);
    }
  } finally {
    await cleanUp();
  }
}

type Measured = Pick<
  Results,
  'generation' | 'lighthouse' | 'interaction' | 'renders' | 'listRender' | 'bigList'
>;

/** Every step against one preview: the app at `/`, the stack floor beside it. */
async function measure(
  outDir: string,
  generation: Generation,
  log: (what: string) => void,
): Promise<Measured> {
  log(`starting vite preview and its sandbox (generation: ${generation})`);
  const preview = await startPreview(outDir, generation);
  try {
    const results: Measured = {
      generation: { asked: generation, served: await servedGeneration() },
    };
    if (steps.has('lighthouse')) {
      log('Lighthouse, mobile and desktop, app and floor in turns');
      results.lighthouse = await measureLighthouse(count(values['lighthouse-runs']));
    }
    if (steps.has('interaction')) {
      log('create → reveal dialog, navigation → form usable, app and floor in turns');
      results.interaction = await measureInteraction(count(values.runs));
    }
    if (steps.has('renders')) {
      log('components React renders per action');
      results.renders = await measureRenders();
    }
    if (steps.has('list')) {
      log('list rendering with 1000 keys, app and floor in turns');
      results.listRender = await measureListRender(count(values['list-runs']));
    }
    if (steps.has('list10k')) {
      // A v3 step: only v3 lists are fetched whole and filtered in the page by design.
      if (results.generation.served === 'v3') {
        log('a v3 project with 10,000 keys: first rows, then a filter, app and floor in turns');
        results.bigList = await measureBigList(count(values['list-runs']));
      } else log(`10,000-key step skipped: the app was served ${results.generation.served}`);
    }
    return results;
  } finally {
    await preview.stop();
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  await cleanUp();
  process.exit(1);
});
