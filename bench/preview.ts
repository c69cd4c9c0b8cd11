import { join } from 'node:path';
import { HOST, PORTS, PREVIEW_SANDBOX_URL, PREVIEW_URL, ROOT } from './config.ts';
import { startChild, waitForUrl } from './processes.ts';

const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

/**
 * `vite preview` of the measured build. The app's Vite config starts the sandbox behind the
 * `/cloud` proxy for preview too; its port is fixed so the bench can reset and seed it.
 */
export async function startPreview(outDir: string) {
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
    },
  );
  await waitForUrl(`${PREVIEW_URL}/`, preview.output);
  await waitForUrl(`${PREVIEW_SANDBOX_URL}/__sandbox/health`, preview.output);
  return preview;
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
