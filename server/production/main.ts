import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { createGenerationChoice } from '../api-generation-choice.ts';
import { originPolicy } from '../gateway/request-origin.ts';
import { INSECURE_ORIGIN_WARNING, insecurePublicOrigins } from '../insecure-origin.ts';
import { createActivitySink } from '../activity/activity-sink.ts';
import { createJobIdentity } from '../gateway/job-identity.ts';
import { readExpirySettings } from '../expiry/expiry-settings.ts';
import { withKeyExpiryChecks } from '../expiry/key-expiry-checks.ts';
import { createGatewayClient } from '../jobs/gateway-client.ts';
import { jobStarter } from '../jobs/job-starter.ts';
import { realJobClock } from '../jobs/steps/job-clock.ts';
import { startJobsService } from '../jobs/jobs-service.ts';
import { createJobExecutor } from '../jobs/steps/run-job.ts';
import { createOperations } from '../health/operations.ts';
import { PORT_RULE, readEnvInteger } from '../../shared/read-env-integer.ts';
import { gracefulShutdown } from './graceful-shutdown.ts';
import { injectMeta } from './html-meta.ts';
import { batchedLines } from './batched-lines.ts';
import { logJson } from './log-json.ts';
import { readProductionConfig } from './production-config.ts';
import { createProductionHandler } from './production-handler.ts';
import { loadStaticAssets, reloadHtml } from './static-assets.ts';

// A request log line and the audit lines per call: one write per turn of the loop, not per line.
const stdoutLines = batchedLines((text) => process.stdout.write(text));
process.once('exit', stdoutLines.flush);

/** A log line of its own, after the lines queued before it. */
function log(...entry: Parameters<typeof logJson>): void {
  stdoutLines.flush();
  logJson(...entry);
}

/** `npm start`: the built dashboard for a team, behind a TLS reverse proxy. */
async function main(): Promise<void> {
  // `.env` as the README says; variables set in the environment win over the file.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = readProductionConfig(process.env, process.argv.slice(2));
  const expiry = readExpirySettings(process.env);
  const insecure = insecurePublicOrigins(config.publicOrigins);
  if (insecure.length > 0) log('warn', INSECURE_ORIGIN_WARNING, { origins: insecure });
  let apiUrl = config.apiUrl;
  let apiToken = config.apiToken;
  let closeSandbox = async () => {};
  // The jobs were about the sandbox's keys, which its reset recreates: they go with them.
  let forgetJobs = async () => {};
  if (config.sandbox) {
    const { startSandboxServer } = await import('../../sandbox/server.ts');
    const sandbox = await startSandboxServer({
      port: readEnvInteger(process.env, 'SANDBOX_PORT', PORT_RULE, 0),
      token: process.env.SANDBOX_TOKEN || undefined,
      onReset: () => forgetJobs(),
    });
    apiUrl = sandbox.url;
    if (config.auth === 'server') apiToken = sandbox.token;
    closeSandbox = sandbox.close;
  }

  const serverToken = config.auth === 'server' ? apiToken : undefined;
  const generation = createGenerationChoice({
    setting: config.apiVersion,
    url: apiUrl,
    token: serverToken,
    writeLine: stdoutLines.write,
  });
  // `auto` with the server's token: ask before serving, so the first page already knows.
  // Personal sign-in has no token: each signed-in caller's own decides for them, and the HTML
  // never says (the page asks api-generation-endpoint).
  if (serverToken) await generation.decide(undefined);
  const distDir = resolve(config.distDir);
  const transformHtml = (html: string) =>
    injectMeta(html, {
      'gcore-api-target': config.sandbox ? 'sandbox' : apiUrl,
      'gcore-auth': config.auth,
      'gcore-api-timeout-ms': config.timeoutMs?.toString(),
      'gcore-api-version': generation.current() ?? undefined,
    });
  const assets = await loadStaticAssets(distDir, transformHtml);
  generation.onDecided(() => {
    reloadHtml(assets, distDir, transformHtml).catch((error: unknown) =>
      log('error', 'could not add the API generation to the page', { error }),
    );
  });
  const server = createServer();
  const shutdown = gracefulShutdown(server);
  // Listening comes first (PORT=0 is only known then) and the jobs database opens after it: a
  // request in between must get an answer, or a health probe waits on it for ever.
  server.on('request', answerStarting);
  await new Promise<void>((done) => server.listen(config.port, config.host, done));
  const address = server.address();
  // PORT=0 picks a free port: the host allow-list needs the one actually bound.
  const port = typeof address === 'object' && address ? address.port : config.port;
  const policy = originPolicy(port, config.publicOrigins);
  // The one place audit lines are composed: the gateway's, the jobs' and the jobs endpoint's
  // land in the activity table too, and on stdout as before.
  const activity = createActivitySink({ writeLine: stdoutLines.write });
  const { writeLine } = activity;
  // The jobs' own calls through the gateway name who started them; only this process can.
  const jobIdentity = createJobIdentity();
  const operations = createOperations({
    ...config.operations,
    sharedToken: serverToken !== undefined,
    port: () => port,
    identity: jobIdentity,
    database: () => jobs.ping(),
  });
  const metricsPort = await operations.listen();
  // Before any request is served: a data directory another process holds stops the start here.
  const jobsService = await startJobsService({
    ...config.jobs,
    executor: createJobExecutor({
      gateway: createGatewayClient({ port: () => port, identity: jobIdentity }),
      clock: realJobClock,
      // GCORE_TASK_POLL_MS: how often the jobs poll Gcore's tasks; the page never polls them.
      pollIntervalMs: config.taskPollMs,
      giveUpAfterMs: config.jobs.giveUpMs,
    }),
    writeLine,
    activity,
    policy,
    identify: jobStarter(config.auditIdentity, serverToken !== undefined),
    sharedToken: serverToken !== undefined,
    apiUrl,
    onJobChange: operations.observeJob,
  });
  forgetJobs = () => jobsService.forgetAll();
  const jobs = withKeyExpiryChecks(jobsService, {
    settings: expiry,
    metrics: operations.keyExpiry,
    sharedToken: serverToken !== undefined,
    port: () => port,
    identity: jobIdentity,
    generation: () => generation.current(),
    writeLine,
  });
  const handler = createProductionHandler({
    assets,
    target: { url: apiUrl, token: serverToken },
    generation,
    deadlines: config.deadlines,
    auditIdentity: config.auditIdentity,
    jobIdentity,
    policy,
    draining: shutdown.draining,
    writeLine,
    jobs: jobs.middleware,
    operations: operations.middleware,
    observer: operations.gateway,
  });
  server.off('request', answerStarting);
  server.on('request', handler);
  log('info', 'listening', {
    url: `http://${config.host}:${port}`,
    api: config.sandbox ? 'sandbox' : apiUrl,
    auth: config.auth,
    public_origins: config.publicOrigins,
    jobs: config.jobs.databaseUrl ? 'postgresql' : config.jobs.dataDir,
    metrics_port: metricsPort ?? null,
  });

  const stop = (signal: string) => {
    log('info', 'shutting down', { signal, drain_ms: config.drainMs });
    void shutdown.drain(config.drainMs).then(async (clean) => {
      // Hands running jobs back (shared ones to another replica) before the sandbox goes.
      await jobs.close().catch((error: unknown) => log('error', 'jobs did not stop', { error }));
      await operations.close();
      await closeSandbox();
      log(clean ? 'info' : 'error', clean ? 'drained' : 'drain time over, connections cut');
      process.exit(clean ? 0 : 1);
    });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

/** Until the server is ready: 503 with Retry-After, which probes and browsers retry. */
function answerStarting(_req: IncomingMessage, res: ServerResponse): void {
  const body = JSON.stringify({ ok: false, reason: 'starting' });
  res.writeHead(503, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'retry-after': '1',
    'cache-control': 'no-store',
    connection: 'close',
  });
  res.end(body);
}

// Only JSON lines, errors included: a log collector must never see half a stack trace.
process.on('uncaughtException', (error) => {
  log('error', 'uncaught exception', { error });
  process.exit(1);
});
process.on('unhandledRejection', (reason) => {
  log('error', 'unhandled rejection', { error: reason });
  process.exit(1);
});

main().catch((error: unknown) => {
  log('error', 'start-up failed', { error });
  process.exit(1);
});
