#!/usr/bin/env node
// Runs every check the project has, in order, and ends with one line that sums the tests:
// `tests: N passed, M failed`. Exits non-zero if any step fails or if no test ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const VITEST_REPORT = 'reports/vitest-report.json';
const E2E_REPORT = 'reports/e2e-report.json';

const steps = [
  ['typecheck', 'npx', ['tsc', '-b']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['format', 'npx', ['prettier', '--check', '.']],
  [
    'unit, contract and component tests',
    'npx',
    [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${VITEST_REPORT}`,
    ],
  ],
  ['nginx example', 'bash', ['scripts/check-nginx.sh']],
  ['end-to-end tests', 'npx', ['playwright', 'test']],
];

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });

const failedSteps = [];
for (const [name, command, args] of steps) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) failedSteps.push(name);
}

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const vitest = readJson(VITEST_REPORT);
const e2e = readJson(E2E_REPORT);
const unitPassed = vitest?.numPassedTests ?? 0;
const unitFailed = vitest?.numFailedTests ?? 0;
const e2ePassed = (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0);
const e2eFailed = e2e?.stats?.unexpected ?? 0;
const passed = unitPassed + e2ePassed;
const failed = unitFailed + e2eFailed;

console.log(`\nvitest: ${unitPassed} passed, ${unitFailed} failed`);
console.log(`playwright: ${e2ePassed} passed, ${e2eFailed} failed`);
if (failedSteps.length > 0) console.log(`failed steps: ${failedSteps.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failedSteps.length > 0 || failed > 0 || passed === 0 ? 1 : 0);
