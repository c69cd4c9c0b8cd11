import { describe, expect, it } from 'vitest';
import type { ActivityRecord } from './activity-record.ts';
import { createActivitySink } from './activity-sink.ts';

const audit = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    type: 'audit',
    time: '2026-03-01T10:00:00.000Z',
    user: 'ana@example.com',
    action: 'delete',
    project: 1,
    key_name: 'team-key',
    status: 204,
    request_id: 'req-1',
    ...fields,
  });

function setUp(maxQueue?: number) {
  const lines: string[] = [];
  const stored: ActivityRecord[] = [];
  const sink = createActivitySink({ writeLine: (line) => lines.push(line), maxQueue });
  const store = { insert: async (record: ActivityRecord) => void stored.push(record) };
  return { lines, stored, sink, store };
}

describe('the activity sink', () => {
  it('passes every line on unchanged and stores only audit lines', async () => {
    const { lines, stored, sink, store } = setUp();
    sink.attach(store);
    const request = JSON.stringify({ type: 'request', status: 200, request_id: 'r' });
    sink.writeLine(request);
    sink.writeLine(audit());
    await sink.flushed();
    expect(lines).toEqual([request, audit()]);
    expect(stored.map((record) => record.action)).toEqual(['delete']);
  });

  it('keeps the lines written before the database opened, then stores them in order', async () => {
    const { stored, sink, store } = setUp();
    sink.writeLine(audit({ action: 'create' }));
    sink.writeLine(audit({ action: 'update' }));
    sink.attach(store);
    await sink.flushed();
    expect(stored.map((record) => record.action)).toEqual(['create', 'update']);
  });

  it('a failing database neither throws into the writer nor logs more than one error line', async () => {
    const { lines, sink } = setUp();
    sink.attach({ insert: () => Promise.reject(new Error('connection refused')) });
    expect(() => {
      sink.writeLine(audit({ request_id: 'a' }));
      sink.writeLine(audit({ request_id: 'b' }));
    }).not.toThrow();
    await sink.flushed();
    const errors = lines.filter((line) => line.includes('"type":"error"'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('activity not stored');
    expect(sink.lost()).toEqual({ dropped: 0, failed: 2 });
  });

  it('a database that never answers does not hold the writer up', () => {
    const { lines, sink } = setUp();
    sink.attach({ insert: () => new Promise<void>(() => {}) });
    sink.writeLine(audit());
    // Written synchronously, while the insert is still pending.
    expect(lines).toEqual([audit()]);
  });

  it('drops and counts audit lines past a full queue, saying so once', async () => {
    const { lines, stored, sink, store } = setUp(2);
    for (const id of ['a', 'b', 'c', 'd']) sink.writeLine(audit({ request_id: id }));
    expect(sink.lost()).toEqual({ dropped: 2, failed: 0 });
    expect(lines.filter((line) => line.includes('activity queue full'))).toHaveLength(1);
    sink.attach(store);
    await sink.flushed();
    expect(stored.map((record) => record.request_id)).toEqual(['a', 'b']);
  });
});
