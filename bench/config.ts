import { fileURLToPath } from 'node:url';

/** The repository root, whatever directory `npm run bench` is started from. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Ports of the bench's own (44xx), so it never collides with a developer's `npm run dev` or with
 * the e2e runs other people start on this machine. Everything binds to 127.0.0.1 only.
 */
export const PORTS = {
  preview: 4401,
  previewSandbox: 4402,
  sandbox: 4403,
  bare: 4404,
  chromeDebugging: 4405,
} as const;

export const HOST = '127.0.0.1';
export const PREVIEW_URL = `http://${HOST}:${PORTS.preview}`;
export const PREVIEW_SANDBOX_URL = `http://${HOST}:${PORTS.previewSandbox}`;

export const CHROMIUM_PATH =
  process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Keeps Chromium off the network and quiet; the same set the e2e tests use. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
