import { fileURLToPath } from 'node:url';

/** The repository root, whatever directory `npm run bench` is started from. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A port from the environment, or the bench's own; a typo stops the run before anything starts. */
function port(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1024 || value > 65_535) {
    throw new Error(`${name} must be a port number from 1024 to 65535, got "${raw}".`);
  }
  return value;
}

/**
 * Ports of the bench's own (46xx), so it never collides with a developer's `npm run dev` or with
 * the e2e runs other people start on this machine; BENCH_PORT, BENCH_SANDBOX_PORT,
 * BENCH_PRODUCTION_PORT, BENCH_PRODUCTION_SANDBOX_PORT, BENCH_POSTGRES_PORT and
 * BENCH_CHROME_PORT move them. Everything binds to 127.0.0.1 only.
 */
export const PORTS = {
  preview: port('BENCH_PORT', 4601),
  previewSandbox: port('BENCH_SANDBOX_PORT', 4602),
  chromeDebugging: port('BENCH_CHROME_PORT', 4605),
  production: port('BENCH_PRODUCTION_PORT', 4603),
  productionSandbox: port('BENCH_PRODUCTION_SANDBOX_PORT', 4604),
  /** The throwaway PostgreSQL of the jobs step. */
  postgres: port('BENCH_POSTGRES_PORT', 4606),
} as const;

export const HOST = '127.0.0.1';
export const PREVIEW_URL = `http://${HOST}:${PORTS.preview}`;
export const PREVIEW_SANDBOX_URL = `http://${HOST}:${PORTS.previewSandbox}`;
/** The production server (`npm start`) and the sandbox it forwards to, its own process. */
export const PRODUCTION_URL = `http://${HOST}:${PORTS.production}`;
export const PRODUCTION_SANDBOX_URL = `http://${HOST}:${PORTS.productionSandbox}`;

/** Where the same preview serves the stack floor, beside the app at `/`. */
export const FLOOR_PATH = 'floor';
/** The two pages every timing compares, in the order each pair of runs visits them. */
export const TARGETS = {
  app: `${PREVIEW_URL}/`,
  floor: `${PREVIEW_URL}/${FLOOR_PATH}/`,
} as const;
export type Target = keyof typeof TARGETS;

export { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../e2e/chromium';
