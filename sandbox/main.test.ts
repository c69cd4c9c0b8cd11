// @vitest-environment node
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('sandbox/main.ts', () => {
  it('prints the URL (never the token), serves, and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        SANDBOX_PORT: '0',
        SANDBOX_TOKEN: 'cli-secret-token',
        SANDBOX_SEED_KEYS: '2',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8');
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        output += chunk;
        const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    expect(output).not.toContain('cli-secret-token');
    expect(output.trim().split('\n')).toHaveLength(1);

    const res = await fetch(`${url}/cloud/v2/inference/api_keys`, {
      headers: { Authorization: 'APIKey cli-secret-token' },
    });
    expect(((await res.json()) as { count: number }).count).toBe(5);

    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  }, 20_000);
});
