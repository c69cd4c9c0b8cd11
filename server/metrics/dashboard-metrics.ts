import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { GatewayObserver } from '../gateway/gateway-observer.ts';
import type { ChangedJob } from '../jobs/job-leases.ts';
import { methodLabel, oneOf, statusLabel } from './metric-labels.ts';

export type UpstreamProbe = () => Promise<{ ok: boolean }>;

const JOB_KINDS = ['bind', 'unbind', 'detach-and-delete', 'retire'] as const;
/** Only ends are counted: a job passes through queued and running on every attempt. */
const JOB_OUTCOMES = ['done', 'failed', 'interrupted', 'cancelled'] as const;

/**
 * The process's own metrics (a registry per server, never prom-client's global one, so tests
 * and a second server in one process stay apart): gateway traffic, upstream latency, job ends,
 * and whether the API answers, asked at scrape time through the readiness probe's cache.
 */
export function createDashboardMetrics(upstreamProbe: UpstreamProbe) {
  const registry = new Registry();
  const requests = new Counter({
    name: 'gcore_dashboard_gateway_requests_total',
    help: 'Requests to /cloud answered by the gateway, by route template, method and status.',
    labelNames: ['route', 'method', 'status'],
    registers: [registry],
  });
  const upstream = new Histogram({
    name: 'gcore_dashboard_upstream_request_duration_seconds',
    help: 'Time from forwarding a /cloud call to the API until its answer ended, by route template.',
    labelNames: ['route', 'method'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const jobs = new Counter({
    name: 'gcore_dashboard_jobs_total',
    help: 'Jobs that reached an end in this process, by kind and outcome (done, failed, interrupted, cancelled).',
    labelNames: ['kind', 'outcome'],
    registers: [registry],
  });
  new Gauge({
    name: 'gcore_dashboard_upstream_up',
    help: '1 when the API answered the last reachability check (cached about 10 s), else 0.',
    registers: [registry],
    async collect() {
      this.set((await upstreamProbe()).ok ? 1 : 0);
    },
  });
  const gateway: GatewayObserver = {
    answered: (route, method, status) =>
      requests.inc({ route, method: methodLabel(method), status: statusLabel(status) }),
    upstream: (route, method, seconds) =>
      upstream.observe({ route, method: methodLabel(method) }, seconds),
  };
  return {
    registry,
    gateway,
    /** Called on every job state change; counts the ends. */
    observeJob(job: Pick<ChangedJob, 'kind' | 'state'>): void {
      const outcome = oneOf(job.state, JOB_OUTCOMES);
      if (outcome === 'other') return;
      jobs.inc({ kind: oneOf(job.kind, JOB_KINDS), outcome });
    },
  };
}

export type DashboardMetrics = ReturnType<typeof createDashboardMetrics>;
