import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMORY_DATA_DIR, openDatabase, type Sql } from './database.ts';
import { appliedVersions, MIGRATIONS, runMigrations, type Migration } from './migrations.ts';

let sql: Sql;
const ALL = MIGRATIONS.map((migration) => migration.version);
// A later release's steps come after whatever this one has.
const LATEST = Math.max(...ALL);

beforeAll(async () => {
  sql = await openDatabase({ dataDir: MEMORY_DATA_DIR });
}, 60_000);
afterAll(() => sql.close());

// One database, in order: empty → latest → again → a newer release's step.
describe('migrations', () => {
  it('bring an empty database to the latest version', async () => {
    expect(await runMigrations(sql)).toEqual(ALL);
    expect(await appliedVersions(sql)).toEqual(ALL);
    const columns = await sql.query<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'jobs'",
    );
    expect(columns.rows.map((row) => row.column_name)).toEqual(
      expect.arrayContaining(['lease_owner', 'lease_until', 'token_mode', 'run_after']),
    );
  });

  it('do nothing the second time', async () => {
    expect(await runMigrations(sql)).toEqual([]);
  });

  it('bring a database at an earlier version forward by the steps above it only', async () => {
    const next: Migration = {
      version: LATEST + 1,
      sql: 'ALTER TABLE jobs ADD COLUMN note text; CREATE INDEX jobs_note ON jobs (note)',
    };
    expect(await runMigrations(sql, [...MIGRATIONS, next])).toEqual([LATEST + 1]);
    const note = await sql.query(
      "SELECT 1 FROM information_schema.columns WHERE table_name = 'jobs' AND column_name = 'note'",
    );
    expect(note.rowCount).toBe(1);
    expect(await appliedVersions(sql)).toEqual([...ALL, LATEST + 1]);
  });

  it('leave no trace of a step that fails', async () => {
    const broken: Migration = {
      version: LATEST + 2,
      sql: 'ALTER TABLE jobs ADD COLUMN x int; NOT SQL',
    };
    await expect(runMigrations(sql, [...MIGRATIONS, broken])).rejects.toThrow();
    expect(await appliedVersions(sql)).toEqual([...ALL, LATEST + 1]);
  });
});
