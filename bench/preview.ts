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
  await giveFloorTheAppsGeneration(outDir);
  return preview;
}

const META = /<meta\b[^>]*name="gcore-api-version"[^>]*>/;
const pageHtml = async (url: string) => (await fetch(url)).text();

/**
 * The page learns its generation from the `gcore-api-version` meta tag the server puts in the
 * app's HTML. Whatever the server does with the floor's HTML, the floor gets the same tag as the
 * app (or none, as the app): both then make the same calls.
 */
async function giveFloorTheAppsGeneration(outDir: string): Promise<void> {
  const appMeta = META.exec(await pageHtml(TARGETS.app))?.[0];
  if (META.exec(await pageHtml(TARGETS.floor))?.[0] === appMeta) return;
  const file = join(outDir, FLOOR_PATH, 'index.html');
  const html = (await readFile(file, 'utf8')).replace(META, '');
  await writeFile(file, appMeta ? html.replace('<head>', `<head>${appMeta}`) : html);
  if (META.exec(await pageHtml(TARGETS.floor))?.[0] !== appMeta) {
    throw new Error('The preview serves the floor with another generation than the app.');
  }
}

/** The generation the app's HTML names, `v2` without a tag (the app's default today). */
export async function servedGeneration(): Promise<string> {
  const tag = META.exec(await pageHtml(TARGETS.app))?.[0];
  return (tag && /content="([^"]*)"/.exec(tag)?.[1]) || 'v2 (no gcore-api-version tag)';
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
