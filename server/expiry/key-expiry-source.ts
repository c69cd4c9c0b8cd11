import type { KeyReading } from './expiry-keys.ts';
import { repeatAfter } from './repeat-after.ts';

/** What one check found: every readable project's keys, or why the projects could not be read. */
export type KeyCheck =
  { ok: true; reading: KeyReading; at: Date } | { ok: false; error: string; at: Date };

/** One user of a check: the expiry metric, the webhook warnings. */
export type KeyCheckConsumer = (check: KeyCheck) => Promise<void> | void;

export type KeyExpirySourceOptions = {
  /** EXPIRY_CHECK_INTERVAL_MS. */
  intervalMs: number;
  /** Every project's keys; aborted when the source stops. */
  read: (signal: AbortSignal) => Promise<KeyReading>;
  consumers: readonly KeyCheckConsumer[];
  writeLine: (line: string) => void;
  clock?: () => Date;
};

export type KeyExpirySource = {
  /** Checks now, or joins the check under way (tests; the timer does it otherwise). */
  check(): Promise<void>;
  stop(): Promise<void>;
};

const line = (fields: Record<string, unknown>) => JSON.stringify({ type: 'expiry', ...fields });

/**
 * Reads every project's keys at start and every `intervalMs`, never two reads at once, and hands
 * each reading to every consumer: each project's key list is read once per check however many
 * consumers there are. A consumer that throws is logged and keeps the others going.
 */
export function startKeyExpirySource(options: KeyExpirySourceOptions): KeyExpirySource {
  const { writeLine } = options;
  const clock = options.clock ?? (() => new Date());
  const stopping = new AbortController();
  let running: Promise<void> | undefined;
  const once = async () => {
    let check: KeyCheck;
    try {
      const reading = await options.read(stopping.signal);
      check = { ok: true, reading, at: clock() };
    } catch (error) {
      // Stopping aborts the read: nothing failed, and no one is left to tell.
      if (stopping.signal.aborted) return;
      check = { ok: false, error: errorText(error), at: clock() };
      writeLine(line({ msg: 'expiry check could not read the keys', error: check.error }));
    }
    for (const failure of check.ok ? check.reading.failures : []) {
      writeLine(line({ msg: 'expiry check skipped a project', ...failure }));
    }
    for (const consumer of options.consumers) {
      try {
        await consumer(check);
      } catch (error) {
        if (stopping.signal.aborted) return;
        writeLine(line({ msg: 'expiry check failed', error: errorText(error) }));
      }
    }
  };
  const check = () => {
    running ??= once().finally(() => {
      running = undefined;
    });
    return running;
  };
  const repeating = repeatAfter(check, options.intervalMs);
  return {
    check,
    async stop() {
      stopping.abort();
      await repeating.stop();
      await running;
    },
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
