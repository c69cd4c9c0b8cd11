import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { measureBundle } from './bundle.ts';
import { ROOT } from './config.ts';
import { measurePageSteps, type PageMeasures } from './page-steps.ts';
import { GENERATIONS, type Generation } from './preview.ts';
import { gatewayStep, jobsStep } from './server-steps.ts';
import { parseSteps, STEPS, type Step, type StepCounts } from './steps.ts';
import { calibration, timeCpuLoop } from './calibration.ts';
import { stopAll } from './processes.ts';
import { checkBudgets } from './budgets.ts';
import { printReport } from './report.ts';
import type { Results } from './results.ts';

type Measured = PageMeasures & Pick<Results, 'gateway' | 'jobs'>;

const { values } = parseArgs({
  options: {
    // The bundle is always measured: every other step runs against that build.
    only: { type: 'string', default: STEPS.join(',') },
    runs: { type: 'string', default: '40' },
    'list-runs': { type: 'string', default: '10' },
    'lighthouse-runs': { type: 'string', default: '3' },
    'gateway-requests': { type: 'string', default: '2000' },
    'job-runs': { type: 'string', default: '10' },
    out: { type: 'string', default: join(ROOT, 'bench', 'results.json') },
    // both (default): a v2 run, then a v3 run; auto: the sandbox serves both and the server picks.
    generation: { type: 'string', default: 'both' },
  },
});
const count = (value: string) => Math.max(1, Number.parseInt(value, 10) || 1);
const counts: StepCounts = {
  runs: count(values.runs),
  listRuns: count(values['list-runs']),
  lighthouseRuns: count(values['lighthouse-runs']),
  gatewayRequests: count(values['gateway-requests']),
  jobRuns: count(values['job-runs']),
};
let steps: Set<Step>;
try {
  steps = parseSteps(values.only);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
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
      // Printed first: a run's figures are never lost to a path that cannot be written.
      printReport(full);
      await mkdir(dirname(outFile(generation)), { recursive: true });
      await writeFile(outFile(generation), `${JSON.stringify(full, null, 2)}\n`);
      log(`done; results in ${outFile(generation)}`);
    }
  } finally {
    await cleanUp();
  }
}

/** The page steps on `vite preview`, then the server's on the production server alone. */
async function measure(outDir: string, generation: Generation, log: (what: string) => void) {
  const results: Measured = await measurePageSteps(outDir, generation, steps, counts, log);
  const served = results.generation.served;
  if (served !== 'v2' && served !== 'v3') return results;
  if (steps.has('gateway')) {
    log(`gateway: ${served} reads at 50 connections, through the production server and straight`);
    results.gateway = await gatewayStep(outDir, served, counts);
  }
  if (steps.has('jobs')) {
    // Jobs change v3 bindings: v2 binds in the create call and has none.
    if (served === 'v3') results.jobs = await jobsStep(outDir, counts, log);
    else log('jobs step skipped: the app was served v2, which binds without jobs');
  }
  return results;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  await cleanUp();
  process.exit(1);
});
