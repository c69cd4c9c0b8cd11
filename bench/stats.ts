export type Summary = {
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
};

/** Nearest-rank percentiles: with 30 samples, p95 is the 29th smallest, a value actually seen. */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('No samples to summarize.');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    runs: sorted.length,
    median: round(rank(0.5)),
    p95: round(rank(0.95)),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted.at(-1) ?? Number.NaN),
    mean: round(sorted.reduce((sum, value) => sum + value, 0) / sorted.length),
  };
}

/** One timing of the app beside the same timing of the floor, from the same run. */
export type Comparison = {
  app: Summary;
  floor: Summary;
  /** App ÷ floor, of the medians and of the p95s. */
  ratio: { median: number; p95: number };
};

export function compare(app: readonly number[], floor: readonly number[]): Comparison {
  const a = summarize(app);
  const f = summarize(floor);
  const ratio = (x: number, y: number) => Math.round((x / Math.max(y, 0.1)) * 100) / 100;
  return {
    app: a,
    floor: f,
    ratio: { median: ratio(a.median, f.median), p95: ratio(a.p95, f.p95) },
  };
}
