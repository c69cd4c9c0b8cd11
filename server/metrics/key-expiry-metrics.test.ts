import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { parseMetrics, samplesNamed } from '../testing/parse-metrics';
import { createKeyExpiryMetrics, KEY_EXPIRY_METRIC } from './key-expiry-metrics';
import { startKeyExpiryRefresh } from './key-expiry-refresh';

const at = new Date('2026-03-01T00:00:00Z');
const key = (name: string, iso: string) => ({ project: 7, key: name, expiresAt: new Date(iso) });

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

  it('keeps the last complete figures when a read fails, and counts the failure', async () => {
    const registry = new Registry();
    const metrics = createKeyExpiryMetrics(registry);
    const reads = [
      async () => [key('expiring', '2026-03-05T00:00:00Z')],
      async () => {
        throw new Error('GET /cloud/v1/projects answered HTTP 503');
      },
    ];
    const lines: string[] = [];
    const refresh = startKeyExpiryRefresh({
      intervalMs: 3_600_000,
      read: () => (reads.shift() ?? (async () => []))(),
      metrics,
      writeLine: (line) => lines.push(line),
      now: () => at,
    });
    await refresh.refresh();
    await refresh.refresh();
    await refresh.stop();
    const samples = parseMetrics(await registry.metrics());
    expect(samplesNamed(samples, KEY_EXPIRY_METRIC).map((s) => s.labels.key)).toEqual(['expiring']);
    expect(samplesNamed(samples, 'gcore_inference_api_key_expiry_read_failures_total')).toEqual([
      expect.objectContaining({ value: 1 }),
    ]);
    expect(
      samplesNamed(samples, 'gcore_inference_api_key_expiry_last_read_timestamp_seconds'),
    ).toEqual([expect.objectContaining({ value: at.getTime() / 1000 })]);
    expect(lines.join('\n')).toContain('HTTP 503');
  });
});
