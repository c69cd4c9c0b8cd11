/**
 * The production server's only way to write: one JSON object per line, on stdout for info and
 * warnings and on stderr for errors. An Error becomes its message and a one-line stack (JSON escapes the
 * newlines), never a multi-line trace a log collector would split into unrelated entries.
 */
export function logJson(
  level: 'info' | 'warn' | 'error',
  msg: string,
  fields: Record<string, unknown> = {},
  write: (stream: 'stdout' | 'stderr', line: string) => void = (stream, line) =>
    process[stream].write(`${line}\n`),
): void {
  const entries = Object.entries(fields).map(([name, value]) => [name, describe(value)]);
  const line = JSON.stringify({
    type: 'log',
    time: new Date().toISOString(),
    level,
    msg,
    ...Object.fromEntries(entries),
  });
  write(level === 'error' ? 'stderr' : 'stdout', line);
}

function describe(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  return { name: value.name, message: value.message, stack: value.stack };
}
