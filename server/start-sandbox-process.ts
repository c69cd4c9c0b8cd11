import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export type SandboxProcess = { url: string; token: string; close: () => Promise<void> };

const MAIN = fileURLToPath(new URL('../sandbox/main.ts', import.meta.url));

/**
 * Runs the sandbox as its own process, like the real API: the dev server only proxies to it, and
 * no sandbox code is loaded into Vite's config. The token is fresh for every run.
 */
export function startSandboxProcess(env: {
  port: number;
  seedKeys: number;
}): Promise<SandboxProcess> {
  const token = process.env.SANDBOX_TOKEN || randomBytes(18).toString('base64url');
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      SANDBOX_PORT: String(env.port),
      SANDBOX_SEED_KEYS: String(env.seedKeys),
      SANDBOX_TOKEN: token,
      SANDBOX_EXIT_WITH_STDIN: '1',
    },
    // stdin stays open: the sandbox exits when it closes, so it never outlives this process.
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  process.once('exit', () => child.kill('SIGTERM'));

  return new Promise((resolve, reject) => {
    let output = '';
    child.once('exit', (code) =>
      reject(new Error(`The sandbox exited (code ${code}) before listening.`)),
    );
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        child.stdout.resume();
        resolve({ url, token, close });
      }
    });
  });
}
