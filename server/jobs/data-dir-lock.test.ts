import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock.ts';
import { openDatabase } from './database.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jobs-lock-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the data directory lock', () => {
  it('refuses a second open in the same process, and allows one once the first lets go', async () => {
    const lock = join(dir, 'pglite.lock');
    const unlock = await lockDataDir(lock, dir);
    await expect(lockDataDir(lock, dir)).rejects.toThrow(/in use by process \d+.*DATABASE_URL/s);
    await unlock();
    await (
      await lockDataDir(lock, dir)
    )();
  });

  it('names the live process that holds it, so the operator knows what to stop', async () => {
    await writeFile(join(dir, 'pglite.lock'), String(process.ppid));
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(
      `in use by process ${process.ppid}`,
    );
  });

  it('takes over a lock whose process is gone (a crash)', async () => {
    const lock = join(dir, 'pglite.lock');
    await writeFile(lock, '999999999');
    const unlock = await lockDataDir(lock, dir);
    expect(await readFile(lock, 'utf8')).toBe(String(process.pid));
    await unlock();
  });
});
