import type { ProbeResult } from './api-generation.ts';

export type ProbeMemoryOptions = {
  /** How long a decided answer holds (Infinity: for the process's life). */
  decidedMs: number;
  /** How long an undecided answer holds before the API is asked again. */
  undecidedMs: number;
  /** At most this many keys; the oldest is forgotten first. */
  maxEntries: number;
};

export type ProbeMemory = {
  /**
   * The remembered answer for `key`, or the probe in flight for it, or `run()` (whose answer is
   * then remembered).
   */
  ask(key: string, run: () => Promise<ProbeResult>): Promise<ProbeResult>;
};

type Entry = { pending: Promise<ProbeResult> } | { result: ProbeResult; until: number };

/**
 * Probe answers by key, each for a while: one probe at a time per key, and a failed one not
 * repeated before `undecidedMs`, so callers cannot make the server hammer the API.
 */
export function createProbeMemory(options: ProbeMemoryOptions): ProbeMemory {
  const entries = new Map<string, Entry>();
  const remember = (key: string, entry: Entry) => {
    entries.delete(key);
    entries.set(key, entry);
    for (const oldest of entries.keys()) {
      if (entries.size <= options.maxEntries) break;
      entries.delete(oldest);
    }
  };
  return {
    async ask(key, run) {
      const entry = entries.get(key);
      if (entry && 'pending' in entry) return entry.pending;
      if (entry && Date.now() < entry.until) return entry.result;
      const pending = run();
      remember(key, { pending });
      let result: ProbeResult;
      try {
        result = await pending;
      } catch (error) {
        entries.delete(key);
        throw error;
      }
      const holdMs = result.generation ? options.decidedMs : options.undecidedMs;
      remember(key, { result, until: Date.now() + holdMs });
      return result;
    },
  };
}
