export type BatchedLines = {
  /** Queues one line (no newline of its own); it leaves at the end of this turn of the loop. */
  write: (line: string) => void;
  /** Writes whatever is queued now: before a line on another stream, and at exit. */
  flush: () => void;
};

/**
 * Lines written together, once per turn of the event loop, in the order they came. Node writes
 * to a pipe or a file synchronously, a system call per write: with a line per request, every
 * request paid one, and whoever reads the pipe (a log collector) woke once per line. Under load
 * a turn ends many requests, and their lines now leave in one write.
 */
export function batchedLines(
  write: (text: string) => void,
  later: (flush: () => void) => void = setImmediate,
): BatchedLines {
  let queued: string[] = [];
  const flush = () => {
    if (queued.length === 0) return;
    const lines = queued;
    queued = [];
    write(`${lines.join('\n')}\n`);
  };
  return {
    write(line) {
      queued.push(line);
      if (queued.length === 1) later(flush);
    },
    flush,
  };
}
