import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';

export type StaticAsset = {
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
  type: string;
  etag: string;
  /** Vite names what it puts in /assets/ by content hash: such a file never changes. */
  immutable: boolean;
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = /^(text\/|image\/svg|application\/(json|manifest))/;

/**
 * The whole build, read and compressed once at start-up: it is small, and serving from memory
 * keeps every request free of disk reads and compression work.
 */
export async function loadStaticAssets(root: string, transformHtml: (html: string) => string) {
  const assets = new Map<string, StaticAsset>();
  for (const file of await listFiles(root)) {
    const urlPath = `/${relative(root, file).split(sep).join('/')}`;
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    let body = await readFile(file);
    if (type.startsWith('text/html')) body = Buffer.from(transformHtml(body.toString('utf8')));
    assets.set(urlPath, toAsset(urlPath, body, type));
  }
  return assets;
}

/**
 * The HTML files again, through `transformHtml`: the page's meta tags changed (the API's
 * generation became known after start). Their ETag changes with them, so no cache keeps the old.
 */
export async function reloadHtml(
  assets: Map<string, StaticAsset>,
  root: string,
  transformHtml: (html: string) => string,
): Promise<void> {
  for (const file of await listFiles(root)) {
    if (extname(file) !== '.html') continue;
    const urlPath = `/${relative(root, file).split(sep).join('/')}`;
    const body = Buffer.from(transformHtml(await readFile(file, 'utf8')));
    assets.set(urlPath, toAsset(urlPath, body, TYPES['.html'] ?? 'text/html'));
  }
}

function toAsset(urlPath: string, body: Buffer, type: string): StaticAsset {
  const asset: StaticAsset = {
    body,
    type,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
    immutable: urlPath.startsWith('/assets/'),
  };
  if (COMPRESSIBLE.test(type) && body.length > 512) {
    asset.gzip = gzipSync(body, { level: 9 });
    asset.br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  }
  return asset;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
    ),
  );
  return nested.flat();
}

/** Picks the best encoding the client accepts that we have. */
export function encodingFor(asset: StaticAsset, acceptEncoding: string | undefined) {
  const accepted = (acceptEncoding ?? '').toLowerCase();
  if (asset.br && /\bbr\b/.test(accepted)) return { encoding: 'br', body: asset.br };
  if (asset.gzip && /\bgzip\b/.test(accepted)) return { encoding: 'gzip', body: asset.gzip };
  return { encoding: undefined, body: asset.body };
}
