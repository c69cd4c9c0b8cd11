import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  FLOOR_PATH,
  HOST,
  PORTS,
  PREVIEW_SANDBOX_URL,
  PREVIEW_URL,
  ROOT,
  TARGETS,
} from './config.ts';
import * as z from 'zod/mini';
import { REQUESTED_BY } from '../src/lib/request-header.ts';
import { startChild, waitForUrl } from './processes.ts';

const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

/**
 * Which Gcore generation the run asks for. `auto` leaves both to their defaults: the sandbox
 * serves v2 and v3 and the server picks. `v2` imitates an API that predates v3; `v3` asks the
 * server for v3 explicitly.
 */
export const GENERATIONS = ['auto', 'v2', 'v3'] as const;
export type Generation = (typeof GENERATIONS)[number];

const GENERATION_ENV: Record<Generation, Record<string, string>> = {
  auto: { SANDBOX_API_VERSIONS: '', GCORE_API_VERSION: '' },
  v2: { SANDBOX_API_VERSIONS: 'v2', GCORE_API_VERSION: 'v2' },
  v3: { SANDBOX_API_VERSIONS: '', GCORE_API_VERSION: 'v3' },
};

/**
 * `vite preview` of the measured build, the stack floor inside it under FLOOR_PATH. The app's
 * Vite config starts the sandbox behind `/cloud` for preview too; its port is fixed so the bench
 * can reset and seed it.
 */
export async function startPreview(outDir: string, generation: Generation) {
  const preview = startChild(
    'vite preview',
    [
      VITE,
      'preview',
      '--outDir',
      outDir,
      '--host',
      HOST,
      '--port',
      String(PORTS.preview),
      '--strictPort',
    ],
    {
      SANDBOX_PORT: String(PORTS.previewSandbox),
      GCORE_API_URL: '',
      GCORE_API_KEY: '',
      SANDBOX_SEED_KEYS: '0',
      ...GENERATION_ENV[generation],
    },
  );
  await waitForUrl(`${PREVIEW_URL}/`, preview.output);
  await waitForUrl(`${PREVIEW_SANDBOX_URL}/__sandbox/health`, preview.output);
  await tellPagesTheirServer(outDir);
  return preview;
}

/** The tags the production server writes into the page, which `vite preview` lacks. */
export const PAGE_TAGS = /<meta\b[^>]*name="gcore-api-(?:version|target)"[^>]*>\s*/g;
const pageHtml = async (url: string) => (await fetch(url)).text();
const answerSchema = z.object({ generation: z.nullable(z.enum(['v2', 'v3'])) });

/**
 * `vite preview` serves the built HTML as it is on disk: the plugin's `transformIndexHtml` runs
 * for the dev server only, so the page would lack the meta tags the production server writes
 * (server/production/main.ts) and the app would spend a round trip on `/__app/api-generation`
 * before its first call, which no deployed page does. The bench asks that endpoint once and
 * writes the production server's tags into the app's and the floor's HTML (sirv in preview reads
 * the files on each request): both pages then start as they would in production, on the same
 * generation.
 */
async function tellPagesTheirServer(outDir: string): Promise<void> {
  const response = await fetch(`${PREVIEW_URL}/__app/api-generation`, { headers: REQUESTED_BY });
  const { generation } = answerSchema.parse(await response.json());
  if (!generation) throw new Error('The preview server could not tell which generation to use.');
  const tags =
    `<meta name="gcore-api-target" content="sandbox">` +
    `<meta name="gcore-api-version" content="${generation}">`;
  for (const dir of [outDir, join(outDir, FLOOR_PATH)]) {
    const file = join(dir, 'index.html');
    const html = (await readFile(file, 'utf8')).replace(PAGE_TAGS, '');
    await writeFile(file, html.replace('</head>', `${tags}</head>`));
  }
  for (const url of Object.values(TARGETS)) {
    if (servedBy(await pageHtml(url)) !== generation) {
      throw new Error(`${url} is not served the ${generation} tag the bench wrote.`);
    }
  }
}

const servedBy = (html: string) =>
  /<meta name="gcore-api-version" content="(v2|v3)">/.exec(html)?.[1] ?? null;

/** The generation the app's HTML names, as the app reads it. */
export async function servedGeneration(): Promise<string> {
  return servedBy(await pageHtml(TARGETS.app)) ?? 'none (no gcore-api-version tag)';
}

/** Back to the seed, with `seedKeys` generated keys in the default project. */
export async function resetPreviewSandbox(seedKeys = 0): Promise<void> {
  const response = await fetch(`${PREVIEW_SANDBOX_URL}/__sandbox/reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seedKeys }),
  });
  if (!response.ok) throw new Error(`Sandbox reset answered ${response.status}.`);
}
