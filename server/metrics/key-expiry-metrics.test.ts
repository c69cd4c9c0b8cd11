import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { parseMetrics, samplesNamed } from '../testing/parse-metrics';
import type { ExpiringKey } from '../expiry/expiry-keys';
import type { KeyCheck } from '../expiry/key-expiry-source';
import {
  createKeyExpiryMetrics,
  KEY_EXPIRY_METRIC,
  keyExpiryMetricsConsumer,
} from './key-expiry-metrics';

const at = new Date('2026-03-01T00:00:00Z');
const key = (name: string, iso: string): ExpiringKey => ({
  projectId: 7,
  projectName: 'prod',
  keyId: name,
  keyName: name,
  expiresAt: new Date(iso),
  deployments: [],
});

describe('the key expiry metric', () => {
  it('keeps at most the series cap, the soonest first, and counts the rest as truncated', async () => {
    const registry = new Registry();
    const metrics = createKeyExpiryMetrics(registry, 2);
    metrics.recordRead(
      [
        key('late', '2030-01-01T00:00:00Z'),
        key('soon', '2026-03-03T00:00:00Z'),
        key('sooner', '2026-03-02T00:00:00Z'),
      ],
      at,
    );
    const samples = parseMetrics(await registry.metrics());
    const kept = samplesNamed(samples, KEY_EXPIRY_METRIC).map((sample) => sample.labels.key);
    expect(kept.sort()).toEqual(['soon', 'sooner']);
    expect(samplesNamed(samples, 'gcore_inference_api_key_expiry_truncated')).toEqual([
      expect.objectContaining({ value: 1 }),
    ]);
  });

  it('drops a key that is gone at the next read', async () => {
    const registry = new Registry();
    const metrics = createKeyExpiryMetrics(registry);
    metrics.recordRead([key('old', '2027-01-01T00:00:00Z')], at);
    metrics.recordRead([key('new', '2027-01-01T00:00:00Z')], at);
    const kept = samplesNamed(parseMetrics(await registry.metrics()), KEY_EXPIRY_METRIC);
    expect(kept.map((sample) => sample.labels.key)).toEqual(['new']);
  });

  it.each([
    ['the projects cannot be read', { ok: false, error: 'HTTP 503', at }],
    [
      'one project cannot be read',
      { ok: true, reading: { keys: [], failures: [{ projectId: 8, message: '500' }] }, at },
    ],
  ] satisfies [string, KeyCheck][])(
    'keeps the last complete figures when %s, and counts the failure',
    async (_, failed) => {
      const registry = new Registry();
      const consume = keyExpiryMetricsConsumer(createKeyExpiryMetrics(registry));
      const first = new Date('2026-02-28T00:00:00Z');
      const complete = { keys: [key('expiring', '2026-03-05T00:00:00Z')], failures: [] };
      await consume({ ok: true, reading: complete, at: first });
      await consume(failed);
      const samples = parseMetrics(await registry.metrics());
      const kept = samplesNamed(samples, KEY_EXPIRY_METRIC).map((s) => s.labels.key);
      expect(kept).toEqual(['expiring']);
      expect(samplesNamed(samples, 'gcore_inference_api_key_expiry_read_failures_total')).toEqual([
        expect.objectContaining({ value: 1 }),
      ]);
      expect(
        samplesNamed(samples, 'gcore_inference_api_key_expiry_last_read_timestamp_seconds'),
      ).toEqual([expect.objectContaining({ value: first.getTime() / 1000 })]);
    },
  );
});
