import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export type ProductionProcess = {
  child: ChildProcess;
  port: number;
  stdout: string[];
  stderr: string[];
  /** Resolves with the exit code once the process ended. */
  exited: Promise<number | null>;
  /** Resident set size now and at its peak, in bytes (Linux /proc). */
  rss: () => Promise<{ now: number; peak: number }>;
  stop: () => Promise<void>;
};

const MAIN = resolve(import.meta.dirname, '../production/main.ts');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * `npm start` as a team runs it (main.ts, through tsx instead of a build), in a directory of
 * its own holding a tiny dist/ and, when given, a `.env` file.
 */
export async function spawnProductionServer(
  env: Record<string, string>,
  dotEnv?: string,
): Promise<ProductionProcess> {
  const cwd = await mkdtemp(join(tmpdir(), 'production-process-'));
  await mkdir(join(cwd, 'dist'));
  await writeFile(join(cwd, 'dist', 'index.html'), '<html><head></head><body>ok</body></html>');
  if (dotEnv !== undefined) await writeFile(join(cwd, '.env'), dotEnv);
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(GCORE_|SANDBOX_|AUDIT_|PORT$|PUBLIC_)/.test(name),
    ),
  );
  const child = spawn(process.execPath, ['--import', TSX, MAIN], {
    cwd,
    env: { ...clean, PORT: '0', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const collect = (into: string[]) => {
    let partial = '';
    return (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      into.push(...lines);
    };
  };
  child.stderr.on('data', collect(stderr));
  const port = await new Promise<number>((done, fail) => {
    const onOut = collect(stdout);
    child.stdout.on('data', (chunk: Buffer) => {
      onOut(chunk);
      const listening = stdout.find((line) => line.includes('"listening"'));
      if (listening) done(Number(new URL(String(JSON.parse(listening).url)).port));
    });
    void exited.then((code) => fail(new Error(`exited ${code}: ${stderr.join('\n')}`)));
  });
  const rss = async () => {
    const { readFile } = await import('node:fs/promises');
    const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
    const kb = (name: string) =>
      Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1]) * 1024;
    return { now: kb('VmRSS'), peak: kb('VmHWM') };
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    await rm(cwd, { recursive: true, force: true });
  };
  return { child, port, stdout, stderr, exited, rss, stop };
}
