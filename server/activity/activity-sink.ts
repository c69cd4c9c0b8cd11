import { activityRecord, mayBeAuditLine, type ActivityRecord } from './activity-record.ts';
import type { ActivityStore } from './activity-store.ts';

export type ActivitySinkOptions = {
  /** Where every line goes first, unchanged (stdout). */
  writeLine: (line: string) => void;
  /** Audit lines waiting for the database beyond this many are dropped (and counted). */
  maxQueue?: number;
  now?: () => Date;
};

export type ActivitySink = {
  /** The server's `writeLine`: the line as before, and an audit line also into the table. */
  writeLine: (line: string) => void;
  /** Where records go from now on (the jobs database, once open); returns the detach. */
  attach: (store: Pick<ActivityStore, 'insert'>) => () => void;
  /** Audit lines not stored: the queue was full, or the database refused them. */
  lost: () => { dropped: number; failed: number };
  /** Resolves once every queued record has been tried (tests, and a clean stop). */
  flushed: () => Promise<void>;
};

/**
 * Captures audit lines where the server composes its `writeLine`, so the gateway, the jobs and
 * the jobs endpoint land in the activity table without knowing it. Best effort and bounded:
 * writing never waits for the database, a full queue drops, and a failing database costs one
 * error line per run of failures, never the user's request.
 */
export function createActivitySink(options: ActivitySinkOptions): ActivitySink {
  const maxQueue = options.maxQueue ?? 1000;
  const now = options.now ?? (() => new Date());
  const queue: ActivityRecord[] = [];
  let store: Pick<ActivityStore, 'insert'> | undefined;
  let draining: Promise<void> | undefined;
  let dropped = 0;
  let failed = 0;
  let failing = false;
  let full = false;

  const report = (msg: string, extra: Record<string, unknown>) =>
    options.writeLine(JSON.stringify({ type: 'error', msg, ...extra }));

  const drain = async () => {
    for (let target = store; target && queue.length > 0; target = store) {
      const [record] = queue.splice(0, 1);
      if (!record) continue;
      try {
        await target.insert(record);
        failing = false;
      } catch (error) {
        failed += 1;
        if (!failing) report('activity not stored', { error: String(error) });
        failing = true;
      }
    }
  };

  const kick = () => {
    if (draining || !store) return;
    draining = drain().finally(() => {
      draining = undefined;
      // A line queued while the last insert settled, or a store attached meanwhile.
      if (store && queue.length > 0) kick();
    });
  };

  return {
    writeLine(line) {
      options.writeLine(line);
      if (!mayBeAuditLine(line)) return;
      const record = activityRecord(line, now);
      if (!record) return;
      if (queue.length >= maxQueue) {
        dropped += 1;
        if (!full) report('activity queue full, events dropped', { max_queue: maxQueue });
        full = true;
        return;
      }
      full = false;
      queue.push(record);
      kick();
    },
    attach(next) {
      store = next;
      kick();
      return () => {
        if (store === next) store = undefined;
      };
    },
    lost: () => ({ dropped, failed }),
    async flushed() {
      while (draining) await draining;
    },
  };
}
