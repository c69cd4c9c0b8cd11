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
  chromeDebugging: 4405,
} as const;

export const HOST = '127.0.0.1';
export const PREVIEW_URL = `http://${HOST}:${PORTS.preview}`;
export const PREVIEW_SANDBOX_URL = `http://${HOST}:${PORTS.previewSandbox}`;

export { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../e2e/chromium';
