import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HOST, PORTS, PRODUCTION_SANDBOX_URL, PRODUCTION_URL, ROOT } from './config.ts';
import { PAGE_TAGS } from './preview.ts';
import { startChild, waitForUrl } from './processes.ts';

/** Known to the bench so it can call the sandbox straight, as the server does. */
const SANDBOX_TOKEN = 'bench-production-sandbox-token';

export type StackOptions = {
  /** The built app (the bench's temp directory). */
  outDir: string;
  generation: 'v2' | 'v3';
  /** DATA_DIR (the embedded PGlite database) or, when given, DATABASE_URL. */
  dataDir: string;
  databaseUrl?: string;
  /** How long the sandbox's tasks take, and how often the server's jobs poll them. */
  taskMs: number;
  taskPollMs: number;
};

export type ProductionStack = Awaited<ReturnType<typeof startProductionStack>>;

/**
 * `npm start` as a team runs it, in front of the sandbox as its own process (as Gcore is to the
 * server), so the same calls can be made through the server and straight to the sandbox. The
 * server runs main.ts through tsx: the same code as the built one, compiled once at start.
 */
export async function startProductionStack(options: StackOptions) {
  const sandbox = startChild('sandbox', ['--import', 'tsx', join(ROOT, 'sandbox', 'main.ts')], {
    SANDBOX_PORT: String(PORTS.productionSandbox),
    SANDBOX_HOST: HOST,
    SANDBOX_TOKEN,
    SANDBOX_SEED_KEYS: '0',
    SANDBOX_API_VERSIONS: '',
    SANDBOX_TASK_MS: String(options.taskMs),
    SANDBOX_EXIT_WITH_STDIN: '1',
  });
  await waitForUrl(`${PRODUCTION_SANDBOX_URL}/__sandbox/health`, sandbox.output);
  await clearPageTags(options.outDir);
  const server = startChild(
    'production server',
    ['--import', 'tsx', join(ROOT, 'server', 'production', 'main.ts')],
    {
      NODE_ENV: 'production',
      PORT: String(PORTS.production),
      HOST,
      DIST_DIR: options.outDir,
      GCORE_API_URL: PRODUCTION_SANDBOX_URL,
      GCORE_API_KEY: SANDBOX_TOKEN,
      GCORE_AUTH: 'server',
      GCORE_SANDBOX: '',
      GCORE_API_VERSION: options.generation,
      GCORE_TASK_POLL_MS: String(options.taskPollMs),
      DATA_DIR: options.dataDir,
      DATABASE_URL: options.databaseUrl ?? '',
    },
  );
  try {
    await waitForUrl(`${PRODUCTION_URL}/healthz`, server.output, 120_000);
  } catch (error) {
    await sandbox.stop();
    throw error;
  }
  const pid = server.child.pid;
  return {
    url: PRODUCTION_URL,
    sandboxUrl: PRODUCTION_SANDBOX_URL,
    /** What a straight call to the sandbox carries, as the server's own calls do. */
    sandboxHeaders: { authorization: `APIKey ${SANDBOX_TOKEN}` },
    /** The server's resident set size now, in MB (Linux /proc). */
    rssMb: async () => {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
      return Math.round(kb / 102.4) / 10;
    },
    stop: async () => {
      await server.stop();
      await sandbox.stop();
    },
  };
}

/** The server writes its own tags; the ones the bench wrote for `vite preview` must go first. */
async function clearPageTags(outDir: string): Promise<void> {
  const file = join(outDir, 'index.html');
  await writeFile(file, (await readFile(file, 'utf8')).replace(PAGE_TAGS, ''));
}
