import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.ts';

const run = promisify(execFile);

export type PostgresCluster = {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`, trust auth: a DATABASE_URL. */
  url: string;
  /** Its data directory (readable by this process), for a scan once it is stopped. */
  dataDir: string;
  stop(): Promise<void>;
};

/**
 * A throwaway PostgreSQL server (Debian's `postgresql` package) on a free loopback port, in a
 * temporary directory. initdb refuses to run as root, so as root it runs as `postgres`. A
 * machine without PostgreSQL fails here, loudly: a test needing it must never pass without it.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const dir = await mkdtemp(join(tmpdir(), 'jobs-postgres-'));
  const asOwner = await ownerCommand(dir);
  const dataDir = join(dir, 'data');
  const port = await freePort();
  const tool = (name: string, args: string[]) => asOwner(join(bin, name), args);
  await tool('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  const options = [
    `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir}`,
    '-c fsync=off -c max_connections=40',
  ].join(' ');
  await tool('pg_ctl', [
    '-D',
    dataDir,
    '-w',
    '-t',
    '30',
    '-l',
    join(dir, 'log'),
    '-o',
    options,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dataDir,
    async stop() {
      await tool('pg_ctl', ['-D', dataDir, '-w', '-m', 'fast', 'stop']).catch(() => {});
    },
  };
}

/** Removes what startPostgresCluster left, once stopped and scanned. */
export async function removePostgresCluster(cluster: PostgresCluster): Promise<void> {
  await rm(join(cluster.dataDir, '..'), { recursive: true, force: true });
}

/** After a file's tests: stops the cluster if it started, and removes what it left. */
export async function discardPostgresCluster(cluster: PostgresCluster | undefined): Promise<void> {
  if (!cluster) return;
  await cluster.stop();
  await removePostgresCluster(cluster);
}

function postgresBinDir(): string {
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian)
    ? readdirSync(debian).sort((a, b) => Number(b) - Number(a))
    : [];
  const candidates = [...versions.map((v) => join(debian, v, 'bin')), '/usr/local/bin', '/usr/bin'];
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')));
  if (!found) {
    throw new Error(
      'PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin): ' +
        'apt-get install postgresql (.ci/run installs it).',
    );
  }
  return found;
}

/** Runs a PostgreSQL tool as the owner of `dir`: this user, or `postgres` when this is root. */
async function ownerCommand(dir: string) {
  if (process.getuid?.() !== 0) {
    return async (file: string, args: string[]) => void (await run(file, args));
  }
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  await chown(dir, uid, gid);
  return async (file: string, args: string[]) =>
    void (await run('runuser', ['-u', 'postgres', '--', file, ...args]));
}
