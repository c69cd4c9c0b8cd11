import type { Results } from './results.ts';

const ms = (value: number) => `${Math.round(value)} ms`;
const mb = (value: number) => `${value.toFixed(1)} MB`;

/** The production server's steps, as ratios first and absolute figures as context. */
export function printServerSteps(out: string[], r: Results): void {
  const g = r.gateway;
  if (g) {
    out.push('', `Gateway: ${g.connections} connections, ${g.paths.join(' and ')} in turns`);
    out.push('  side        requests  failed   p50 ms   p99 ms    req/s');
    for (const [side, load] of [
      ['through', g.through],
      ['direct', g.direct],
    ] as const) {
      const cells = [load.requests, load.failures, load.p50Ms, load.p99Ms, load.perSecond];
      out.push(`  ${side.padEnd(10)}${cells.map((cell) => String(cell).padStart(9)).join('')}`);
    }
    out.push(
      `  through ÷ direct: p50 ${g.ratio.p50}×, p99 ${g.ratio.p99}×, throughput ${g.ratio.perSecond}×`,
      `  server RSS: ${mb(g.rssMb.before)} before, ${mb(g.rssMb.after)} after`,
    );
  }
  const j = r.jobs;
  if (!j) return;
  const c = j.completion;
  out.push(
    '',
    `Jobs: a bind job on ${c.deployments.join(' and ')}, ${c.job.runs} runs each side`,
    `  job ${ms(c.job.median)} (p95 ${ms(c.job.p95)}), the same calls straight ` +
      `${ms(c.direct.median)} (p95 ${ms(c.direct.p95)}): ${c.ratio}×`,
  );
  for (const [database, many] of Object.entries(j.many)) {
    const ended = Object.entries(many.ended).map(([state, n]) => `${n} ${state}`);
    const reveal = many.clickToReveal;
    out.push(
      `  ${many.jobs} jobs at once on ${database}: ${ended.join(', ')} in ${ms(many.allDoneMs)}; ` +
        `server RSS ${mb(many.rssMb.before)} → ${mb(many.rssMb.after)} (${many.rssMb.growth >= 0 ? '+' : ''}${mb(many.rssMb.growth)})`,
      `    click → reveal while they ran ÷ quiet: ${reveal.ratio.median}× median, ` +
        `${reveal.ratio.p95}× p95 (${reveal.app.median} ÷ ${reveal.floor.median} ms; ` +
        `${many.samplesDuringJobs.during} of ${many.samplesDuringJobs.taken} samples ended before the last job)`,
    );
  }
  for (const reason of j.notMeasured) out.push(`  NOT measured: ${reason}`);
}
