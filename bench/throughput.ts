import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import autocannon, { type Request } from 'autocannon';
import type { CapturedResponse, CapturedRoutes } from './bare-server.ts';
import { API_KEYS_PATH } from '../src/features/api-keys/api/api-key-schemas.ts';
import { HOST, PORTS } from './config.ts';
import { startChild, waitForUrl } from './processes.ts';

const TOKEN = 'bench-token';
/** The list call the app makes on first load. */
const LIST = `${API_KEYS_PATH}?project_id=1&limit=25&offset=0&order_by=created_at.desc`;
const HEADERS = { authorization: `APIKey ${TOKEN}`, 'content-type': 'application/json' };

export type Rate = { perSecond: number; p50Ms: number; p99Ms: number; requests: number };
export type ThroughputResult = {
  connections: number;
  seconds: number;
  sandbox: { creates: Rate; lists: Rate };
  bare: { creates: Rate; lists: Rate };
  /** sandbox ÷ bare, per route. */
  ratio: { creates: number; lists: number };
};

/** The sandbox over loopback against a bare node:http server sending the same bytes. */
export async function measureThroughput(
  workDir: string,
  connections = 10,
  seconds = 5,
): Promise<ThroughputResult> {
  const sandboxUrl = `http://${HOST}:${PORTS.sandbox}`;
  const sandbox = startChild('sandbox', ['--import', 'tsx', 'sandbox/main.ts'], {
    SANDBOX_PORT: String(PORTS.sandbox),
    SANDBOX_HOST: HOST,
    SANDBOX_TOKEN: TOKEN,
    SANDBOX_EXIT_WITH_STDIN: '1',
  });
  const load = (url: string, request: Request) => rate(url, connections, seconds, request);
  const reset = () => fetch(`${sandboxUrl}/__sandbox/reset`, { method: 'POST' });
  let routes: CapturedRoutes;
  let onSandbox: ThroughputResult['sandbox'];
  try {
    await waitForUrl(`${sandboxUrl}/__sandbox/health`, sandbox.output);
    routes = {
      create: await capture(`${sandboxUrl}${API_KEYS_PATH}`, 'POST', createBody('bench-capture')),
      list: await capture(`${sandboxUrl}${LIST}`, 'GET'),
    };
    // Each route from the seed, so neither measures the other's leftovers.
    await reset();
    const lists = await load(sandboxUrl, { method: 'GET', path: LIST });
    await reset();
    const creates = await load(sandboxUrl, uniqueCreates());
    onSandbox = { creates, lists };
  } finally {
    await sandbox.stop();
  }

  const routesFile = join(workDir, 'bare-routes.json');
  await writeFile(routesFile, JSON.stringify(routes));
  const bareUrl = `http://${HOST}:${PORTS.bare}`;
  const bare = startChild('bare server', ['--import', 'tsx', 'bench/bare-server.ts'], {
    BARE_PORT: String(PORTS.bare),
    BARE_ROUTES: routesFile,
  });
  try {
    await waitForUrl(`${bareUrl}${LIST}`, bare.output);
    const onBare = {
      lists: await load(bareUrl, { method: 'GET', path: LIST }),
      creates: await load(bareUrl, uniqueCreates()),
    };
    const ratio = (a: Rate, b: Rate) => Math.round((a.perSecond / b.perSecond) * 100) / 100;
    return {
      connections,
      seconds,
      sandbox: onSandbox,
      bare: onBare,
      ratio: {
        creates: ratio(onSandbox.creates, onBare.creates),
        lists: ratio(onSandbox.lists, onBare.lists),
      },
    };
  } finally {
    await bare.stop();
  }
}

const createBody = (name: string) => JSON.stringify({ name, project_id: 1 });

/** Every create gets a name of its own: a repeated name would be a 409, not a create. */
function uniqueCreates(): Request {
  let n = 0;
  const prefix = `load-${Date.now().toString(36)}`;
  return {
    method: 'POST',
    path: API_KEYS_PATH,
    setupRequest: (request) => ({ ...request, body: createBody(`${prefix}-${(n += 1)}`) }),
  };
}

async function rate(url: string, connections: number, seconds: number, request: Request) {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: HEADERS,
    requests: [request],
  });
  const failures = result.non2xx + result.errors + result.timeouts;
  if (failures > 0) throw new Error(`${failures} failed requests against ${url}${request.path}`);
  return {
    perSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
  };
}

async function capture(url: string, method: string, body?: string): Promise<CapturedResponse> {
  const response = await fetch(url, { method, headers: HEADERS, body });
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}.`);
  const headers: Record<string, string> = {};
  for (const name of ['content-type', 'x-request-id']) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers, body: bytes.toString('base64') };
}
