import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort, waitForPort } from '../testing/free-port.ts';

const MAIN = resolve(import.meta.dirname, 'main.ts');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

// A PostgreSQL that takes connections and never answers: the jobs database never opens.
let silentDatabase: Server;
const held: Socket[] = [];
beforeAll(async () => {
  silentDatabase = createServer((socket) => held.push(socket));
  await new Promise<void>((done) => silentDatabase.listen(0, '127.0.0.1', done));
});
afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise((done) => silentDatabase.close(done));
});

const get = (port: number, path: string) =>
  new Promise<number>((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, timeout: 5_000 }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.once('timeout', () => req.destroy(new Error(`no answer to ${path} within 5 s`)));
    req.once('error', fail);
    req.end();
  });

it('answers 503 while it starts, rather than holding a probe that came early', async () => {
  const cwd = await mkdtemp(join(tmpdir(), 'starting-process-'));
  await mkdir(join(cwd, 'dist'));
  await writeFile(join(cwd, 'dist', 'index.html'), '<html><head></head><body>ok</body></html>');
  const port = await freePort();
  const { port: databasePort } = silentDatabase.address() as { port: number };
  const child = spawn(process.execPath, ['--import', TSX, MAIN, '--sandbox'], {
    cwd,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      NODE_ENV: 'production',
      DATABASE_URL: `postgres://jobs@127.0.0.1:${databasePort}/jobs`,
    },
    stdio: 'ignore',
  });
  try {
    await waitForPort(port, 'the production server', 60_000);
    expect(await get(port, '/healthz')).toBe(503);
    expect(await get(port, '/')).toBe(503);
  } finally {
    child.kill('SIGKILL');
    await rm(cwd, { recursive: true, force: true });
  }
});
