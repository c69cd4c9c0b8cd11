import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { HOST, PORTS } from './config.ts';
import { stopWithAll } from './processes.ts';

const run = promisify(execFile);

export type Postgres = { url: string; stop(): Promise<void> };

/**
 * A throwaway PostgreSQL (Debian's `postgresql` package: initdb and pg_ctl) in a temp directory
 * on the bench's port, as the server's tests start one (the bench may not import their harness).
 * initdb refuses root, so as root it runs as `postgres`. No PostgreSQL: an error saying so.
 */
export async function startPostgres(): Promise<Postgres> {
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian) ? readdirSync(debian).sort((a, b) => +b - +a) : [];
  const bin = versions
    .map((v) => join(debian, v, 'bin'))
    .find((d) => existsSync(join(d, 'initdb')));
  if (!bin) throw new Error('not installed (no initdb under /usr/lib/postgresql/*/bin).');
  const dir = await mkdtemp(join(tmpdir(), 'gcore-keys-bench-postgres-'));
  const tool = await asOwnerOf(dir);
  const data = join(dir, 'data');
  const port = PORTS.postgres;
  try {
    await tool(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync']);
    const options = `-c listen_addresses=${HOST} -c port=${port} -c unix_socket_directories=${dir}`;
    const log = join(dir, 'log');
    await tool(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-w',
      '-t',
      '30',
      '-l',
      log,
      '-o',
      options,
      'start',
    ]);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const stop = async () => {
    await tool(join(bin, 'pg_ctl'), ['-D', data, '-w', '-m', 'fast', 'stop']).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  };
  // Ctrl+C or a failed step must not leave a PostgreSQL holding the port.
  const stopped = stopWithAll(stop);
  return {
    url: `postgres://postgres@${HOST}:${port}/postgres`,
    async stop() {
      stopped();
      await stop();
    },
  };
}

/** Runs a PostgreSQL tool as the owner of `dir`: this user, or `postgres` when this is root. */
async function asOwnerOf(dir: string) {
  if (process.getuid?.() !== 0) {
    return async (file: string, args: string[]) => void (await run(file, args));
  }
  const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout.trim());
  await chown(dir, await id('-u'), await id('-g'));
  return async (file: string, args: string[]) =>
    void (await run('runuser', ['-u', 'postgres', '--', file, ...args]));
}
