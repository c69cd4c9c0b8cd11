import { createServer } from 'node:http';
import { startSandboxServer } from '../../sandbox/server.ts';
import type { ApiGeneration } from '../api-generation.ts';
import { readExpiringKeys } from '../expiry/expiry-keys.ts';
import { loopbackGet } from '../expiry/loopback-get.ts';
import { cloudGateway } from '../gateway/cloud-gateway.ts';
import { createJobIdentity } from '../gateway/job-identity.ts';
import { originPolicy } from '../gateway/request-origin.ts';
import { DASHBOARD_ROUTES, DASHBOARD_V3_ROUTES } from '../gateway/route-table.ts';
import { closeNow, listenOnLoopback } from './loopback-server.ts';

/**
 * The in-process sandbox (its seed keys) behind a real `/cloud` gateway with the shared token,
 * on a clock the test sets: a key's expiry comes by moving the clock, not by waiting.
 */
export async function startExpiryHarness(generation: ApiGeneration, start: string) {
  let now = Date.parse(start);
  const clock = () => new Date(now);
  const sandbox = await startSandboxServer({ now: clock, apiVersions: [generation] });
  const identity = createJobIdentity();
  const lines: string[] = [];
  const front = createServer();
  const port = await listenOnLoopback(front);
  const gateway = cloudGateway({
    target: { url: sandbox.url, token: sandbox.token },
    deadlines: { headersMs: 5_000, bodyMs: 5_000 },
    policy: originPolicy(port, []),
    routes: generation === 'v3' ? DASHBOARD_V3_ROUTES : DASHBOARD_ROUTES,
    jobIdentity: identity,
    writeLine: (line) => lines.push(line),
  });
  front.on('request', (req, res) => gateway(req, res, () => res.writeHead(404).end()));
  const get = loopbackGet({ port: () => port, identity });
  return {
    sandbox: sandbox.sandbox,
    port,
    identity,
    /** The gateway's own lines (audit, failures). */
    lines,
    clock,
    setTime(iso: string) {
      now = Date.parse(iso);
    },
    readKeys: () => readExpiringKeys(get, generation),
    close: async () => {
      await closeNow(front);
      await sandbox.close();
    },
  };
}
