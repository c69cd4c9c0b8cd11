import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const RULES_DIR = resolve(import.meta.dirname, '../../deploy/prometheus');

/** Prometheus' own checker (Debian package `prometheus`); .ci/run installs it when missing. */
function promtool(...args: string[]) {
  const run = spawnSync('promtool', args, { cwd: RULES_DIR, encoding: 'utf8' });
  if (run.error) {
    throw new Error(
      `promtool could not run (${run.error.message}): install it with apt-get install prometheus`,
    );
  }
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('deploy/prometheus/alerts.yml', () => {
  it('is valid for promtool check rules', () => {
    const check = promtool('check', 'rules', 'alerts.yml');
    expect(check.output).toContain('SUCCESS');
    expect(check.status, check.output).toBe(0);
  });

  it('passes promtool test rules alerts.test.yml: each alert fires when it should, only then', () => {
    const test = promtool('test', 'rules', 'alerts.test.yml');
    expect(test.status, test.output).toBe(0);
    expect(test.output).toContain('SUCCESS');
  });
});
