import { REQUESTED_BY } from '../src/lib/request-header.ts';
import { runLoad, type LoadResult } from './load.ts';
import type { ProductionStack } from './production-stack.ts';

export type GatewayResult = {
  connections: number;
  /** The dashboard's read calls, sent in turns. */
  paths: string[];
  /** Per side: the sums of the rounds' requests and failures, the medians of their figures. */
  through: LoadResult;
  direct: LoadResult;
  /** Through ÷ direct: p50 and p99 latency, throughput. */
  ratio: { p50: number; p99: number; perSecond: number };
  /** The production server's resident set size before the first round and after the last, MB. */
  rssMb: { before: number; after: number };
};

/** The page's first reads: the first page of keys, every deployment. */
const READS = {
  v2: [
    '/cloud/v2/inference/api_keys?project_id=1&limit=25&offset=0',
    '/cloud/v2/inference/deployments?project_id=1&limit=1000',
  ],
  v3: [
    '/cloud/v3/inference/1/api_keys?limit=1000&offset=0',
    '/cloud/v3/inference/1/deployments?limit=1000',
  ],
} as const;

/**
 * The same read calls at `connections` at once, through the production server's `/cloud` and
 * straight to the sandbox behind it, in alternating rounds (through, direct, through…) so a busy
 * spell on the machine hits both sides; a warm-up round of each first, not counted.
 */
export async function measureGateway(
  stack: ProductionStack,
  generation: 'v2' | 'v3',
  requests: number,
  rounds = 3,
  connections = 50,
): Promise<GatewayResult> {
  const paths = [...READS[generation]];
  const through = { origin: stack.url, paths, headers: { ...REQUESTED_BY }, connections, requests };
  const direct = { ...through, origin: stack.sandboxUrl, headers: stack.sandboxHeaders };
  const before = await stack.rssMb();
  await runLoad({ ...through, requests: connections * 4 });
  await runLoad({ ...direct, requests: connections * 4 });
  const samples: Record<'through' | 'direct', LoadResult[]> = { through: [], direct: [] };
  for (let round = 0; round < rounds; round += 1) {
    samples.through.push(await runLoad(through));
    samples.direct.push(await runLoad(direct));
  }
  const after = await stack.rssMb();
  const t = combine(samples.through);
  const d = combine(samples.direct);
  const ratio = (x: number, y: number) => Math.round((x / Math.max(y, 0.1)) * 100) / 100;
  return {
    connections,
    paths,
    through: t,
    direct: d,
    ratio: {
      p50: ratio(t.p50Ms, d.p50Ms),
      p99: ratio(t.p99Ms, d.p99Ms),
      perSecond: ratio(t.perSecond, d.perSecond),
    },
    rssMb: { before, after },
  };
}

function combine(rounds: LoadResult[]): LoadResult {
  const median = (pick: (r: LoadResult) => number) => {
    const sorted = rounds.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
  };
  return {
    requests: rounds.reduce((sum, r) => sum + r.requests, 0),
    failures: rounds.reduce((sum, r) => sum + r.failures, 0),
    p50Ms: median((r) => r.p50Ms),
    p99Ms: median((r) => r.p99Ms),
    perSecond: median((r) => r.perSecond),
  };
}
