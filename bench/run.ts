import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { measureBundle } from './bundle.ts';
import { ROOT } from './config.ts';
import { measureInteraction } from './interaction.ts';
import { measureLighthouse } from './lighthouse.ts';
import { measureListRender } from './list-render.ts';
import { measureRenders } from './renders.ts';
import { startPreview } from './preview.ts';
import { stopAll } from './processes.ts';
import { checkBudgets } from './budgets.ts';
import { printReport } from './report.ts';
import type { Results } from './results.ts';

const STEPS = ['lighthouse', 'interaction', 'renders', 'list'] as const;
type Step = (typeof STEPS)[number];

const { values } = parseArgs({
  options: {
    // The bundle is always measured: every other step runs against that build.
    only: { type: 'string', default: STEPS.join(',') },
    runs: { type: 'string', default: '40' },
    'list-runs': { type: 'string', default: '10' },
    'lighthouse-runs': { type: 'string', default: '3' },
    out: { type: 'string', default: join(ROOT, 'bench', 'results.json') },
  },
});
const steps = new Set(values.only.split(',').filter((s): s is Step => STEPS.some((k) => k === s)));
const count = (value: string) => Math.max(1, Number.parseInt(value, 10) || 1);

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
    log('building the app and the floor');
    const { outDir, ...bundle } = await measureBundle(workDir);
    const results: Omit<Results, 'budgets'> = {
      date: new Date().toISOString(),
      environment: { node: process.version, cpus: cpus().length, platform: process.platform },
      bundle,
    };
    if (steps.size > 0) {
      log('starting vite preview and its sandbox');
      const preview = await startPreview(outDir);
      try {
        if (steps.has('lighthouse')) {
          log('Lighthouse, mobile and desktop');
          results.lighthouse = await measureLighthouse(count(values['lighthouse-runs']));
        }
        if (steps.has('interaction')) {
          log('create → reveal dialog, navigation → form usable');
          results.interaction = await measureInteraction(count(values.runs));
        }
        if (steps.has('renders')) {
          log('components React renders per action');
          results.renders = await measureRenders();
        }
        if (steps.has('list')) {
          log('list rendering with 1000 keys');
          results.listRender = await measureListRender(count(values['list-runs']));
        }
      } finally {
        await preview.stop();
      }
    }
    const full: Results = { ...results, budgets: checkBudgets(results) };
    await writeFile(values.out, `${JSON.stringify(full, null, 2)}\n`);
    printReport(full);
    log(`done; results in ${values.out}`);
  } finally {
    await cleanUp();
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
