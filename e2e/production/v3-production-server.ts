import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { E2E_PROD_TOKEN } from '../../playwright.config';

export type V3ProductionServer = {
  baseURL: string;
  sandboxPort: number;
  stop: () => Promise<void>;
};

const ROOT = resolve(import.meta.dirname, '../..');

/** A port nobody listens on now (the sandbox's control routes need one known in advance). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The built production server (`npm start -- --sandbox`, from the build the production project's
 * web server made) over a sandbox serving v3, with personal sign-in: the project's own server
 * stays on v2 for the tests written for it. Jobs in memory, quick tasks.
 */
export async function startV3ProductionServer(): Promise<V3ProductionServer> {
  const sandboxPort = await freePort();
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !/^(GCORE_|SANDBOX_|AUDIT_|JOB_|JOBS_|DATA_DIR$|DATABASE_URL$|PORT$|PUBLIC_)/.test(name),
    ),
  );
  const child = spawn(process.execPath, ['dist-server/main.js', '--sandbox'], {
    cwd: ROOT,
    env: {
      ...inherited,
      PORT: '0',
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_TOKEN: E2E_PROD_TOKEN,
      SANDBOX_API_VERSIONS: 'v2,v3',
      SANDBOX_TASK_MS: '600',
      GCORE_AUTH: 'personal',
      GCORE_API_VERSION: 'v3',
      GCORE_API_TIMEOUT_MS: '5000',
      DATA_DIR: 'memory://',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const errors: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => errors.push(chunk.toString('utf8')));
  const port = await new Promise<number>((done, fail) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n').find((each) => each.includes('"listening"'));
      if (line) done(Number(new URL(String(JSON.parse(line).url)).port));
    });
    void exited.then(() => fail(new Error(`the production server stopped: ${errors.join('')}`)));
  });
  child.stdout.resume();
  return {
    baseURL: `http://127.0.0.1:${port}`,
    sandboxPort,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
