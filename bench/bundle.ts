import { cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, loadConfigFromFile, type BuildEnvironmentOptions, type Rolldown } from 'vite';
import { FLOOR_PATH, ROOT } from './config.ts';
import { FLOORS, type FloorName } from './floors.ts';

export type Asset = { file: string; raw: number; gzip: number };
export type Totals = { raw: number; gzip: number };
export type Floor = { assets: Asset[]; js: Totals };
export type BundleResult = {
  assets: Asset[];
  firstLoad: { files: string[]; js: Totals; css: Totals };
  lazyJs: Totals;
  floor: Floor;
  /** The floor of the whole stack: React, Query, react-hook-form and zod/mini, used once each. */
  stackFloor: Floor;
  /** First-load JS of the app ÷ the floor's JS, both gzip. */
  ratio: number;
  /** First-load JS of the app ÷ the stack floor's JS, both gzip. */
  stackRatio: number;
};

/**
 * The app's production build, measured beside the floors. The stack floor's build is copied into
 * the app's, under FLOOR_PATH: one `vite preview` then serves both, with the same headers, the
 * same gateway and the same sandbox.
 */
export async function measureBundle(workDir: string): Promise<BundleResult & { outDir: string }> {
  const outDir = join(workDir, 'app');
  const output = await buildOnce({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    build: { outDir, emptyOutDir: true },
  });
  const assets = await measureAssets(outDir);
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const files = firstLoadFiles(html, output);
  const pick = (ext: string, wanted: (file: string) => boolean) =>
    sum(assets.filter((a) => a.file.endsWith(ext) && wanted(a.file)));
  const floor = await measureFloor(workDir, 'react');
  const stackFloor = await measureFloor(workDir, 'stack', join(outDir, FLOOR_PATH));
  const firstLoadJs = pick('.js', (file) => files.includes(file));
  const ratio = (to: Floor) => Math.round((firstLoadJs.gzip / to.js.gzip) * 100) / 100;
  return {
    outDir,
    assets,
    firstLoad: { files, js: firstLoadJs, css: pick('.css', (file) => files.includes(file)) },
    lazyJs: pick('.js', (file) => !files.includes(file)),
    floor,
    stackFloor,
    ratio: ratio(floor),
    stackRatio: ratio(stackFloor),
  };
}

/**
 * What index.html loads (module scripts, stylesheets, modulepreloads) and, transitively, what
 * those chunks import statically, with their CSS. Dynamic imports (lazy chunks) are left out.
 */
function firstLoadFiles(html: string, output: Rolldown.RolldownOutput): string[] {
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const urls = tags
    .filter((tag) => /type="module"|rel="(stylesheet|modulepreload)"/.test(tag))
    .map((tag) => /(?:src|href)="\/?([^"]+)"/.exec(tag)?.[1])
    .filter((url): url is string => url !== undefined);
  const chunks = new Map(
    output.output.flatMap((item) => (item.type === 'chunk' ? [[item.fileName, item]] : [])),
  );
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const chunk = chunks.get(file);
    chunk?.imports.forEach(visit);
    chunk?.viteMetadata?.importedCss.forEach(visit);
  };
  urls.forEach(visit);
  return [...seen].sort();
}

/** One of the throwaway floor apps, built with the app's own build options; `serveFrom` gets a copy. */
async function measureFloor(workDir: string, name: FloorName, serveFrom?: string): Promise<Floor> {
  const root = join(workDir, `floor-${name}`);
  await mkdir(join(root, 'src'), { recursive: true });
  // Resolves react from the project's own node_modules without copying it.
  await symlink(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  await writeFile(
    join(root, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="UTF-8" />' +
      '<meta name="viewport" content="width=device-width, initial-scale=1.0" />' +
      // The app's icon, served beside it: without one Chromium asks for /favicon.ico, a 404.
      '<link rel="icon" type="image/svg+xml" href="/favicon.svg" />' +
      '<title>floor</title></head><body><div id="root"></div>' +
      '<script type="module" src="/src/main.jsx"></script></body></html>',
  );
  await writeFile(join(root, 'src', 'main.jsx'), FLOORS[name].source);
  await buildOnce({
    root,
    configFile: false,
    plugins: [react()],
    // Asset URLs under the path it is served from; no other byte changes.
    base: serveFrom ? `/${FLOOR_PATH}/` : '/',
    build: { ...(await appBuildOptions()), outDir: join(root, 'dist'), emptyOutDir: true },
  });
  const assets = await measureAssets(join(root, 'dist'));
  if (serveFrom) await cp(join(root, 'dist'), serveFrom, { recursive: true });
  return { assets, js: sum(assets.filter((a) => a.file.endsWith('.js'))) };
}

/** The build options that change the bytes of React itself: those the floor shares. */
async function appBuildOptions(): Promise<BuildEnvironmentOptions> {
  const loaded = await loadConfigFromFile(
    { command: 'build', mode: 'production' },
    join(ROOT, 'vite.config.ts'),
    ROOT,
    'silent',
  );
  const { target, minify, cssMinify, modulePreload, sourcemap } = loaded?.config.build ?? {};
  return { target, minify, cssMinify, modulePreload, sourcemap };
}

async function buildOnce(config: Parameters<typeof build>[0]): Promise<Rolldown.RolldownOutput> {
  const result = await build({ ...config, logLevel: 'warn', mode: 'production' });
  const output = Array.isArray(result) ? result[0] : result;
  if (!output || !('output' in output)) throw new Error('The build produced no output.');
  return output;
}

/** Every JS and CSS file of a build; gzip at zlib's default level, what most servers use. */
async function measureAssets(outDir: string): Promise<Asset[]> {
  const files = (await readdir(join(outDir, 'assets'))).filter((f) => /\.(js|css)$/.test(f));
  const assets = await Promise.all(
    files.map(async (name) => {
      const bytes = await readFile(join(outDir, 'assets', name));
      return { file: `assets/${name}`, raw: bytes.length, gzip: gzipSync(bytes).length };
    }),
  );
  return assets.sort((a, b) => b.gzip - a.gzip);
}

function sum(assets: Asset[]): Totals {
  return assets.reduce((t, a) => ({ raw: t.raw + a.raw, gzip: t.gzip + a.gzip }), {
    raw: 0,
    gzip: 0,
  });
}
