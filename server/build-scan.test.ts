import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineScripts } from './inline-script-hashes';

const REPO = resolve(import.meta.dirname, '..');
const CANARY_TOKEN = `canary-${randomBytes(18).toString('base64url')}`;
const CANARY_HOST = `canary-${randomBytes(6).toString('hex')}.invalid`;
/** Strings only sandbox code holds: its control routes, its token, its seeds, its fault specs. */
const SANDBOX_MARKERS = [
  '__sandbox',
  'SEED_DEPLOYMENT',
  'sandbox-token',
  'generated-key-',
  'faultSpec',
];
/** What a `.env` beside the app holds, as the README advises: server-side settings only. */
const DOTENV_TOKEN = `dotenv-${randomBytes(18).toString('base64url')}`;
const DOTENV_HOST = `dotenv-${randomBytes(6).toString('hex')}.invalid`;
const BUILD_ENV = {
  GCORE_API_KEY: CANARY_TOKEN,
  GCORE_API_URL: `https://${CANARY_HOST}`,
  NODE_ENV: 'production',
};

let outDir: string;
let envDir: string;
let files: { name: string; text: string }[];
let moduleIds: string[];

/** A real production build, with a token in the environment that must not end up in it. */
beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'build-scan-'));
  envDir = await mkdtemp(join(tmpdir(), 'build-scan-env-'));
  await writeFile(
    join(envDir, '.env'),
    `GCORE_API_KEY=${DOTENV_TOKEN}\nGCORE_API_URL=https://${DOTENV_HOST}\nAUDIT_USER_HEADER=X-${DOTENV_HOST}\n`,
  );
  const saved = Object.fromEntries(Object.keys(BUILD_ENV).map((name) => [name, process.env[name]]));
  Object.assign(process.env, BUILD_ENV);
  try {
    const result = await build({
      root: REPO,
      configFile: join(REPO, 'vite.config.ts'),
      envDir,
      build: { outDir, emptyOutDir: true },
      logLevel: 'silent',
    });
    const outputs = Array.isArray(result) ? result : 'output' in result ? [result] : [];
    moduleIds = outputs.flatMap(({ output }) =>
      output.flatMap((item) => (item.type === 'chunk' ? item.moduleIds : [])),
    );
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
  }
  const names = await readdir(outDir, { recursive: true, withFileTypes: true });
  files = await Promise.all(
    names
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const path = join(entry.parentPath, entry.name);
        // latin1 reads any byte, so binary assets are scanned too.
        return { name: path.slice(outDir.length + 1), text: await readFile(path, 'latin1') };
      }),
  );
}, 120_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
  if (envDir) await rm(envDir, { recursive: true, force: true });
});

describe('the production build', () => {
  it('holds the app: an index.html and its scripts', () => {
    expect(files.map((file) => file.name)).toContain('index.html');
    expect(files.some((file) => file.name.endsWith('.js'))).toBe(true);
    expect(moduleIds.some((id) => id.startsWith(join(REPO, 'src')))).toBe(true);
  });

  it('contains neither the API token nor the API URL of the build environment', () => {
    for (const { name, text } of files) {
      expect(text.includes(CANARY_TOKEN), `${name} holds the token`).toBe(false);
      expect(text.includes(CANARY_HOST), `${name} holds the API URL`).toBe(false);
    }
  });

  it('contains nothing from a .env file (read by the servers only)', () => {
    for (const { name, text } of files) {
      expect(text.includes(DOTENV_TOKEN), `${name} holds the .env token`).toBe(false);
      expect(text.includes(DOTENV_HOST), `${name} holds a .env value`).toBe(false);
    }
  });

  it('bundles no module from sandbox/ or server/', () => {
    const serverSide = moduleIds.filter((id) =>
      ['sandbox', 'server'].some((dir) => id.startsWith(join(REPO, dir))),
    );
    expect(serverSide).toEqual([]);
  });

  it.each(SANDBOX_MARKERS)('contains no sandbox string %j', (marker) => {
    const holders = files.filter(({ text }) => text.includes(marker)).map(({ name }) => name);
    expect(holders).toEqual([]);
  });

  it('serves an index.html without inline script, so the CSP needs no hash or unsafe-inline', () => {
    const html = files.find((file) => file.name === 'index.html')?.text ?? '';
    expect(inlineScripts(html)).toEqual([]);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });
});
