import { resolve } from 'node:path';
import { loadEnv, type Plugin, type PreviewServer, type ViteDevServer } from 'vite';
import { apiGenerationEndpoint } from './api-generation-endpoint.ts';
import { readApiGenerationSetting } from './api-generation.ts';
import { createGenerationChoice, type GenerationChoice } from './api-generation-choice.ts';
import { describeApiTarget, resolveApiTarget, type ApiTarget } from './api-target.ts';
import { createActivitySink, type ActivitySink } from './activity/activity-sink.ts';
import { cloudGateway } from './gateway/cloud-gateway.ts';
import { devOriginPolicy } from './gateway/dev-origin-policy.ts';
import { insecureOriginLine } from './insecure-origin.ts';
import { readGatewaySettings, type GatewaySettings } from './gateway/gateway-settings.ts';
import type { AddressInfo } from 'node:net';
import { MEMORY_DATA_DIR } from './jobs/database.ts';
import { createJobIdentity } from './gateway/job-identity.ts';
import { createGatewayClient } from './jobs/gateway-client.ts';
import { jobStarter } from './jobs/job-starter.ts';
import { realJobClock } from './jobs/steps/job-clock.ts';
import { awaitJobsService, startJobsService, type JobsService } from './jobs/jobs-service.ts';
import { createOperations, type Operations } from './health/operations.ts';
import { readOperationsSettings, type OperationsSettings } from './metrics/operations-settings.ts';
import { readJobsSettings, type JobsSettings } from './jobs/jobs-settings.ts';
import { createJobExecutor } from './jobs/steps/run-job.ts';
import { readExpirySettings, type ExpirySettings } from './expiry/expiry-settings.ts';
import { withKeyExpiryChecks } from './expiry/key-expiry-checks.ts';
import { MS_RULE, readEnvInteger } from '../shared/read-env-integer.ts';

export type GcoreApiPluginOptions = {
  /** Settings over those of `.env` and process.env (tests). */
  env?: Record<string, string | undefined>;
  /** Where audit and failure lines go instead of stdout (tests). */
  writeLine?: (line: string) => void;
  /** How long a generation probe that decided nothing is remembered (tests). */
  probeRetryMs?: number;
  /** false: no jobs service (tests of the gateway alone, which need no database). */
  jobs?: boolean;
};

/**
 * Dev and preview: `/cloud/…` goes through the same gateway as in production (not Vite's
 * http-proxy) to Gcore or to the sandbox it starts, and the page learns which backend it talks
 * to through a meta tag (no inline script). Settings come from `.env` and the environment, read
 * here on the server side only: `loadEnv(…, '')` never feeds `import.meta.env`.
 */
export function gcoreApiPlugin(options: GcoreApiPluginOptions = {}): Plugin {
  let target: ApiTarget | undefined;
  let settings: GatewaySettings | undefined;
  let timeoutMs: number | undefined;
  let taskPollMs: number | undefined;
  let generation: GenerationChoice | undefined;
  let jobsSettings: JobsSettings | undefined;
  let expirySettings: ExpirySettings | undefined;
  let operationsSettings: OperationsSettings | undefined;
  // The jobs' own calls through the gateway name who started them; only this process can.
  const jobIdentity = createJobIdentity();
  const closeTarget = () => {
    void target?.close();
    target = undefined;
  };
  const install = (
    server: ViteDevServer | PreviewServer,
    { allowedHosts, https }: { allowedHosts: string[] | true; https?: unknown },
  ) => {
    if (!target || !settings || !generation || !operationsSettings) return;
    const policy = devOriginPolicy(allowedHosts);
    const stdout = options.writeLine ?? ((line: string) => process.stdout.write(`${line}\n`));
    // The one place audit lines are composed: every writer's land in the activity table too.
    // Without jobs there is no database to keep them in (gateway tests): stdout only.
    const activity = jobsSettings ? createActivitySink({ writeLine: stdout }) : undefined;
    const writeLine = activity?.writeLine ?? stdout;
    let jobsService: Promise<JobsService> | undefined;
    // Without jobs (gateway tests) there is no database to be unready for.
    const database = async () => void (await (await jobsService)?.ping());
    const operations = createOperations({
      ...operationsSettings,
      sharedToken: target.token !== undefined,
      // Asked only by requests to this server, so it listens by then.
      port: () => (server.httpServer?.address() as AddressInfo).port,
      identity: jobIdentity,
      database,
    });
    operations.listen().catch((error: unknown) => {
      writeLine(JSON.stringify({ type: 'error', msg: 'metrics port', error: String(error) }));
    });
    server.httpServer?.once('close', () => void operations.close());
    server.middlewares.use(operations.middleware);
    // The hosts listed beside loopback are this server's public origins.
    const scheme = https ? 'https' : 'http';
    const listed = allowedHosts === true ? [] : allowedHosts;
    const warning = insecureOriginLine(
      listed.map((host) => `${scheme}://${host.replace(/^\./, '')}`),
    );
    if (warning) (options.writeLine ?? ((line) => server.config.logger.warn(line)))(warning);
    server.middlewares.use(apiGenerationEndpoint(generation, policy));
    server.middlewares.use(
      cloudGateway({
        target,
        generation,
        deadlines: settings.deadlines,
        auditIdentity: settings.auditIdentity,
        jobIdentity,
        policy,
        writeLine,
        observer: operations.gateway,
      }),
    );
    server.httpServer?.once('close', closeTarget);
    if (jobsSettings && activity) {
      jobsService = installJobs(server, jobsSettings, { policy, operations, activity });
    }
  };
  // The jobs call this server's own `/cloud` on loopback: they start once its port is known.
  const installJobs = (
    server: ViteDevServer | PreviewServer,
    jobs: JobsSettings,
    {
      policy,
      operations,
      activity,
    }: {
      policy: ReturnType<typeof devOriginPolicy>;
      operations: Operations;
      activity: ActivitySink;
    },
  ) => {
    const http = server.httpServer;
    if (!http || !target) return undefined;
    const { writeLine } = activity;
    const apiUrl = target.url;
    const sharedToken = target.token !== undefined;
    const identify = jobStarter(settings?.auditIdentity, sharedToken);
    const service = new Promise<AddressInfo>((ready) =>
      http.once('listening', () => ready(http.address() as AddressInfo)),
    ).then(({ port }) =>
      startJobsService({
        ...jobs,
        executor: createJobExecutor({
          gateway: createGatewayClient({ port: () => port, identity: jobIdentity }),
          clock: realJobClock,
          pollIntervalMs: taskPollMs,
          giveUpAfterMs: jobs.giveUpMs,
        }),
        writeLine,
        activity,
        policy,
        identify,
        sharedToken,
        apiUrl,
        onJobChange: operations.observeJob,
      }).then((service) =>
        withKeyExpiryChecks(service, {
          settings: expirySettings ?? readExpirySettings({}),
          metrics: operations.keyExpiry,
          sharedToken,
          port: () => port,
          identity: jobIdentity,
          generation: () => generation?.current() ?? null,
          writeLine,
        }),
      ),
    );
    service.catch((error: unknown) =>
      writeLine(JSON.stringify({ type: 'error', msg: 'jobs did not start', error: String(error) })),
    );
    // The jobs were about the sandbox's keys, which its reset recreates: they go with them.
    if (target.kind === 'sandbox') target.onReset(() => service.then((ready) => ready.forgetAll()));
    http.once('close', () => void service.then((ready) => ready.close()).catch(() => {}));
    server.middlewares.use(awaitJobsService(service));
    return service;
  };
  return {
    name: 'gcore-api',
    async config(userConfig, { command, isPreview, mode }) {
      // Vitest reads this config too, and a build has no server: neither needs a backend.
      if ((!options.env && process.env.VITEST) || (command === 'build' && !isPreview)) return;
      const root = resolve(userConfig.root ?? process.cwd());
      const envDir =
        typeof userConfig.envDir === 'string' ? resolve(root, userConfig.envDir) : root;
      // Like Vite: the environment wins over `.env`, `.env.local`, `.env.[mode]`.
      const env = { ...loadEnv(mode, envDir, ''), ...options.env };
      // Read once, here: a typo stops the server at start-up, as in production.
      timeoutMs = readEnvInteger(env, 'GCORE_API_TIMEOUT_MS', MS_RULE, undefined);
      taskPollMs = readEnvInteger(env, 'GCORE_TASK_POLL_MS', MS_RULE, undefined);
      const setting = readApiGenerationSetting(env.GCORE_API_VERSION);
      settings = readGatewaySettings(env);
      operationsSettings = readOperationsSettings(env);
      // `.data` under the project: git-ignored, kept across restarts of `npm run dev`.
      if (options.jobs !== false) {
        const jobs = readJobsSettings(env, '.data');
        const inMemory = jobs.dataDir === MEMORY_DATA_DIR;
        jobsSettings = { ...jobs, dataDir: inMemory ? jobs.dataDir : resolve(root, jobs.dataDir) };
        expirySettings = readExpirySettings(env);
      }
      target = await resolveApiTarget(env);
      generation = createGenerationChoice({
        setting,
        url: target.url,
        token: target.token,
        writeLine: options.writeLine ?? ((line) => process.stdout.write(`${line}\n`)),
        retryAfterMs: options.probeRetryMs,
      });
      // `auto` with a token of its own: ask now, so the first page already knows.
      if (target.token) await generation.decide(undefined);
      // No CORS: another origin's page must neither call nor read the API through this server.
      return { server: { cors: false }, preview: { cors: false } };
    },
    transformIndexHtml() {
      if (!target) return [];
      const chosen = generation?.current();
      const meta = (name: string, content: string) => ({
        tag: 'meta',
        attrs: { name, content },
        injectTo: 'head' as const,
      });
      return [
        meta('gcore-api-target', describeApiTarget(target)),
        ...(timeoutMs === undefined ? [] : [meta('gcore-api-timeout-ms', String(timeoutMs))]),
        ...(chosen ? [meta('gcore-api-version', chosen)] : []),
      ];
    },
    // Middlewares added here run after Vite's host check and before its own middlewares.
    configureServer(server) {
      install(server, server.config.server);
    },
    configurePreviewServer(server) {
      install(server, server.config.preview);
    },
  };
}
