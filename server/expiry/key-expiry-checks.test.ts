import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import {
  createKeyExpiryMetrics,
  KEY_EXPIRY_METRIC,
  keyExpiryMetricsConsumer,
} from '../metrics/key-expiry-metrics.ts';
import { expirySetupForFile } from '../testing/expiry-setup.ts';
import { parseMetrics, samplesNamed } from '../testing/parse-metrics.ts';
import { NEEDS_SERVER_TOKEN, expiryWarnings } from './expiry-warnings.ts';
import { startKeyExpiryChecks } from './key-expiry-checks.ts';

const ORIGIN = 'https://keys.example.com';
// 14 days before the seed key `mobile-app-prod` expires: its first warning is due.
const BEFORE_14_DAYS = '2099-12-18T00:00:00Z';

const setup = expirySetupForFile(BEFORE_14_DAYS);

/** A server's key checks with both the expiry metric and the webhook warnings on. */
function startChecks(sharedToken = true) {
  const registry = new Registry();
  const writeLine = (line: string) => setup.lines.push(line);
  const warnings = expiryWarnings({
    settings: { webhookUrl: setup.receiver.url, intervalMs: 3_600_000, publicOrigin: ORIGIN },
    sharedToken,
    db: setup.sql,
    writeLine,
    clock: setup.harness.clock,
  });
  const checks = startKeyExpiryChecks({
    intervalMs: 3_600_000,
    sharedToken,
    port: () => setup.harness.port,
    identity: setup.harness.identity,
    generation: () => 'v3',
    consumers: [keyExpiryMetricsConsumer(createKeyExpiryMetrics(registry)), warnings],
    writeLine,
    clock: setup.harness.clock,
  });
  const expiring = async () =>
    samplesNamed(parseMetrics(await registry.metrics()), KEY_EXPIRY_METRIC).map(
      (sample) => sample.labels.key,
    );
  return { checks, expiring };
}

const keyListReads = () =>
  setup.harness.sandbox.requestLog
    .entries()
    .filter((entry) => /^\/cloud\/v3\/inference\/\d+\/api_keys$/.test(entry.path))
    .map((entry) => entry.path);

describe('the key checks', () => {
  it('read each project’s keys once per check, through the gateway, for both the metric and the webhook', async () => {
    const { checks, expiring } = startChecks();
    await checks.check();
    await checks.stop();
    const reads = keyListReads();
    expect(reads.length).toBeGreaterThan(1);
    expect(new Set(reads).size).toBe(reads.length);
    expect(
      setup.harness.sandbox.requestLog.entries().every((entry) => entry.method === 'GET'),
    ).toBe(true);
    expect((await expiring()).sort()).toEqual(['mobile-app-prod', 'old-demo']);
    expect(setup.receiver.texts).toEqual([expect.stringContaining('Key `mobile-app-prod`')]);
  });

  it('warn for the projects they could read and keep the metric’s last complete figures', async () => {
    const { checks, expiring } = startChecks();
    await checks.check();
    await setup.harness.sandbox.fetch(
      new Request('http://sandbox.test/__sandbox/faults', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          method: 'GET',
          path: '/cloud/v3/inference/1/api_keys',
          status: 500,
        }),
      }),
    );
    await setup.sql.query('DELETE FROM expiry_alerts');
    setup.receiver.texts.length = 0;
    await checks.check();
    await checks.stop();
    expect((await expiring()).sort()).toEqual(['mobile-app-prod', 'old-demo']);
    expect(setup.receiver.texts).toEqual([]);
    expect(setup.lines.join('\n')).toContain(
      '"msg":"expiry check skipped a project","projectId":1',
    );
  });

  it('in personal sign-in read nothing and say once that the warnings need a server token', async () => {
    const { checks } = startChecks(false);
    await checks.check();
    await checks.stop();
    expect(setup.lines).toEqual([JSON.stringify({ type: 'expiry', msg: NEEDS_SERVER_TOKEN })]);
    expect(setup.harness.sandbox.requestLog.entries()).toEqual([]);
    expect(setup.receiver.texts).toEqual([]);
  });
});
