import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export type LoadResult = {
  requests: number;
  /** Answers that were not 200: each one is a failed call, counted, never timed away. */
  failures: number;
  p50Ms: number;
  p99Ms: number;
  /** Requests answered per second over the whole burst. */
  perSecond: number;
};

export type LoadPlan = {
  /** Origin the paths go to, e.g. http://127.0.0.1:4603. */
  origin: string;
  /** Called in turns, one after the other on each connection. */
  paths: readonly string[];
  headers: Record<string, string>;
  connections: number;
  requests: number;
};

/**
 * `requests` GETs over `connections` kept-alive sockets, each socket sending its next request as
 * soon as the last one answered (a closed loop, as a page's reads are). Node's own HTTP client:
 * the same client for both sides, so what it costs cancels out of the ratio.
 */
export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: plan.connections });
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const worker = async () => {
    for (let i = next++; i < plan.requests; i = next++) {
      const path = plan.paths[i % plan.paths.length] ?? '/';
      const started = performance.now();
      const status = await get(agent, `${plan.origin}${path}`, plan.headers);
      latencies.push(performance.now() - started);
      if (status !== 200) failures += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: plan.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const rank = (p: number) => latencies[Math.max(0, Math.ceil(p * latencies.length) - 1)] ?? NaN;
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    requests: latencies.length,
    failures,
    p50Ms: round(rank(0.5)),
    p99Ms: round(rank(0.99)),
    perSecond: Math.round(latencies.length / seconds),
  };
}

/** The answer's status once its whole body has arrived; 0 when the connection failed. */
function get(agent: Agent, url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { agent, headers }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
      res.once('error', () => resolve(0));
    });
    req.once('error', () => resolve(0));
    req.end();
  });
}
