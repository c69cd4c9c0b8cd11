import { mkdir, open, readFile, rm } from 'node:fs/promises';

/** Lock files this process holds: a second open in the same process is refused too. */
const heldHere = new Set<string>();

/**
 * Takes `lockPath` for this process, or throws naming the process that holds it. PGlite has no
 * lock of its own: two processes on one data directory both open it, and each overwrites the
 * other's files until the database no longer starts. A lock whose process is gone (a crash) is
 * taken over; our own pid without a holder here is a container's pid 1 restarted.
 */
export async function lockDataDir(lockPath: string, dir: string): Promise<() => Promise<void>> {
  if (heldHere.has(lockPath)) throw inUse(dir, process.pid);
  await mkdir(dir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const file = await open(lockPath, 'wx');
      await file.writeFile(String(process.pid));
      await file.close();
      heldHere.add(lockPath);
      return async () => {
        heldHere.delete(lockPath);
        await rm(lockPath, { force: true });
      };
    } catch (error) {
      if (!isAlreadyThere(error)) throw error;
      const holder = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
      if (isAlive(holder)) throw inUse(dir, holder);
      await rm(lockPath, { force: true });
    }
  }
  throw inUse(dir, undefined);
}

function inUse(dir: string, pid: number | undefined): Error {
  const who = pid === undefined ? 'another process' : `process ${pid}`;
  return new Error(
    `The jobs database in ${dir} is in use by ${who}: an embedded database serves one process ` +
      'at a time. Stop the other server, give this one its own DATA_DIR, or share a PostgreSQL ' +
      'server between them with DATABASE_URL=postgres://…',
  );
}

function isAlreadyThere(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'EEXIST';
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}
