import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer as createViteServer } from 'vite';
import { createProductionHandler } from '../production/production-handler.ts';
import { securityHeadersPlugin } from '../vite-security-headers-plugin.ts';
import { gcoreApiPlugin } from '../vite-gcore-api-plugin.ts';
import type { ApiGenerationSetting } from '../api-generation.ts';
import { createGenerationChoice } from '../api-generation-choice.ts';
import { readGatewaySettings } from '../gateway/gateway-settings.ts';
import { originPolicy } from '../gateway/request-origin.ts';
import { closeNow, listenOnLoopback } from './loopback-server.ts';

/** A server under test: its port, the JSON lines it wrote (audit, failures), and its end. */
export type Front = { port: number; lines: string[]; close: () => Promise<void> };

export type FrontOptions = {
  upstreamUrl: string;
  /** undefined: personal mode, the browser's Authorization passes. */
  token: string | undefined;
  /** AUDIT_* settings, read as the server reads its environment. */
  auditEnv?: Record<string, string>;
  /** Where the dev server looks for `.env`; an empty directory by default. */
  envDir?: string;
  /** GCORE_API_VERSION; `v2` unless said, as the attack table speaks v2. */
  apiVersion?: ApiGenerationSetting;
  /** Dev only: settings beside these, as if set in the environment. */
  env?: Record<string, string>;
  /** How long a probe that decided nothing is remembered (the servers' default otherwise). */
  probeRetryMs?: number;
  /** Dev only: Vite's `server.allowedHosts`. */
  allowedHosts?: string[];
  /** Dev only: with the jobs service (an in-memory database unless `env` says DATA_DIR). */
  jobs?: boolean;
};

const DEADLINES = { UPSTREAM_HEADERS_TIMEOUT_MS: '500', UPSTREAM_BODY_TIMEOUT_MS: '1500' };
const REPO = resolve(import.meta.dirname, '../..');

/** The real dev server (Vite, the gateway plugin, the security headers), listening on loopback. */
export async function startDevFront(options: FrontOptions): Promise<Front> {
  const lines: string[] = [];
  // The dep optimizer must not touch the cache of the dev servers others run from this repo.
  const cacheDir = await mkdtemp(join(tmpdir(), 'gateway-dev-'));
  const vite = await createViteServer({
    configFile: false,
    envFile: false,
    root: REPO,
    envDir: options.envDir ?? cacheDir,
    cacheDir,
    logLevel: 'silent',
    optimizeDeps: { noDiscovery: true, include: [] },
    server: {
      host: '127.0.0.1',
      port: 0,
      hmr: false,
      watch: null,
      allowedHosts: options.allowedHosts,
    },
    plugins: [
      securityHeadersPlugin(),
      gcoreApiPlugin({
        env: {
          GCORE_API_URL: options.upstreamUrl,
          // Blank means personal mode; with an envDir, its `.env` decides.
          ...(options.envDir ? {} : { GCORE_API_KEY: options.token ?? '' }),
          ...options.auditEnv,
          GCORE_API_VERSION: options.apiVersion ?? 'v2',
          ...DEADLINES,
          ...(options.jobs ? { DATA_DIR: 'memory://' } : {}),
          ...options.env,
        },
        writeLine: (line) => lines.push(line),
        probeRetryMs: options.probeRetryMs,
        // The gateway alone unless asked: most of its tests need no jobs database.
        jobs: options.jobs ?? false,
      }),
    ],
  });
  await vite.listen();
  const port = (vite.httpServer?.address() as AddressInfo).port;
  return {
    port,
    lines,
    close: async () => {
      await vite.close();
      await rm(cacheDir, { recursive: true, force: true });
    },
  };
}

/** The production handler (as main.ts wires it) with no built files, on loopback. */
export async function startProductionFront(options: FrontOptions): Promise<Front> {
  const lines: string[] = [];
  const server = createHttpServer();
  const port = await listenOnLoopback(server);
  const generation = createGenerationChoice({
    setting: options.apiVersion ?? 'v2',
    url: options.upstreamUrl,
    token: options.token,
    writeLine: (line) => lines.push(line),
    retryAfterMs: options.probeRetryMs,
  });
  if (options.token) await generation.decide(undefined);
  server.on(
    'request',
    createProductionHandler({
      assets: new Map(),
      target: { url: options.upstreamUrl, token: options.token },
      generation,
      deadlines: { headersMs: 500, bodyMs: 1500 },
      policy: originPolicy(port, []),
      auditIdentity: readGatewaySettings(options.auditEnv ?? {}).auditIdentity,
      writeLine: (line) => lines.push(line),
    }),
  );
  return {
    port,
    lines,
    close: () => closeNow(server),
  };
}
