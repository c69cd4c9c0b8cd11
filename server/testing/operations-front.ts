import { createServer, request } from 'node:http';
import { startSandboxServer } from '../../sandbox/server.ts';
import { REQUESTED_BY } from '../../src/lib/request-header.ts';
import { createGenerationChoice } from '../api-generation-choice.ts';
import { startKeyExpiryChecks } from '../expiry/key-expiry-checks.ts';
import { createJobIdentity } from '../gateway/job-identity.ts';
import { originPolicy } from '../gateway/request-origin.ts';
import { createOperations } from '../health/operations.ts';
import { readOperationsSettings } from '../metrics/operations-settings.ts';
import { createProductionHandler } from '../production/production-handler.ts';
import { closeNow, listenOnLoopback } from './loopback-server.ts';

export type OperationsFrontOptions = {
  /** METRICS_*, as the server reads them. */
  env?: Record<string, string>;
  /** false: personal sign-in (no shared token). */
  sharedToken?: boolean;
  /** What the jobs database check does; it answers by default. */
  database?: () => Promise<void>;
  /** Stop the sandbox before the server starts: the API is unreachable. */
  upstreamDown?: boolean;
};

export type RawAnswer = { status: number; headers: Record<string, unknown>; text: string };

/** The production handler wired as main.ts wires it, over a v3 sandbox on loopback. */
export async function startOperationsFront(options: OperationsFrontOptions = {}) {
  const sandbox = await startSandboxServer({ token: 'operations-token', apiVersions: ['v3'] });
  if (options.upstreamDown) await sandbox.close();
  const token = options.sharedToken === false ? undefined : sandbox.token;
  const generation = createGenerationChoice({ setting: 'v3', url: sandbox.url, token });
  const identity = createJobIdentity();
  const server = createServer();
  const port = await listenOnLoopback(server);
  const lines: string[] = [];
  const operations = createOperations({
    ...readOperationsSettings(options.env ?? {}),
    sharedToken: token !== undefined,
    port: () => port,
    identity,
    database: options.database ?? (async () => {}),
  });
  const metricsPort = await operations.listen();
  server.on(
    'request',
    createProductionHandler({
      assets: new Map(),
      target: { url: sandbox.url, token },
      generation,
      deadlines: { headersMs: 2000, bodyMs: 4000 },
      policy: originPolicy(port, []),
      jobIdentity: identity,
      writeLine: (line) => lines.push(line),
      operations: operations.middleware,
      observer: operations.gateway,
    }),
  );
  // The metric's key checks alone: this front has no jobs database for the webhook's claims.
  const checks = startKeyExpiryChecks({
    intervalMs: 3_600_000,
    sharedToken: token !== undefined,
    port: () => port,
    identity,
    generation: () => generation.current(),
    consumers: [operations.keyExpiry],
    writeLine: (line) => lines.push(line),
  });
  const get = (path: string, headers: Record<string, string> = {}, toPort = port) =>
    new Promise<RawAnswer>((resolve, reject) => {
      const all = { host: `127.0.0.1:${toPort}`, ...REQUESTED_BY, ...headers };
      const req = request({ port: toPort, host: '127.0.0.1', path, headers: all }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      });
      req.on('error', reject);
      req.end();
    });
  return {
    port,
    metricsPort,
    operations,
    sandbox: sandbox.sandbox,
    /** The gateway's and the key checks' JSON lines. */
    lines,
    /** Checks the keys now, or joins the check under way (the one at start, first). */
    checkKeys: () => checks.check(),
    get,
    async close() {
      await checks.stop();
      await operations.close();
      await closeNow(server);
      if (!options.upstreamDown) await sandbox.close();
    },
  };
}
