import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMORY_DATA_DIR, openDatabase, type Sql } from './database.ts';
import { jobLeases } from './job-leases.ts';
import { jobStore } from './job-store.ts';
import { appliedVersions, MIGRATIONS, runMigrations, type Migration } from './migrations.ts';

const LATEST = MIGRATIONS.map((migration) => migration.version);
const NEXT = Math.max(...LATEST) + 1;
let sql: Sql;
let previous: Sql;

beforeAll(async () => {
  [sql, previous] = await Promise.all([
    openDatabase({ dataDir: MEMORY_DATA_DIR }),
    openDatabase({ dataDir: MEMORY_DATA_DIR }),
  ]);
}, 60_000);
afterAll(() => Promise.all([sql.close(), previous.close()]));

// One database, in order: empty → latest → again → a newer release's step → a broken one.
describe('migrations', () => {
  it('bring an empty database to the latest version', async () => {
    expect(await runMigrations(sql)).toEqual(LATEST);
    expect(await appliedVersions(sql)).toEqual(LATEST);
    const columns = await sql.query<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'jobs'",
    );
    expect(columns.rows.map((row) => row.column_name)).toEqual(
      expect.arrayContaining([
        'lease_owner',
        'lease_until',
        'token_mode',
        'run_after',
        'seq',
        'rotation',
      ]),
    );
  });

  it('do nothing the second time', async () => {
    expect(await runMigrations(sql)).toEqual([]);
  });

  it('bring a database at an earlier version forward by the steps above it only', async () => {
    const next: Migration = {
      version: NEXT,
      sql: 'ALTER TABLE jobs ADD COLUMN note text; CREATE INDEX jobs_note ON jobs (note)',
    };
    expect(await runMigrations(sql, [...MIGRATIONS, next])).toEqual([NEXT]);
    const note = await sql.query(
      "SELECT 1 FROM information_schema.columns WHERE table_name = 'jobs' AND column_name = 'note'",
    );
    expect(note.rowCount).toBe(1);
    expect(await appliedVersions(sql)).toEqual([...LATEST, NEXT]);
  });

  it('leave no trace of a step that fails', async () => {
    const broken: Migration = {
      version: NEXT + 1,
      sql: 'ALTER TABLE jobs ADD COLUMN x int; NOT SQL',
    };
    await expect(runMigrations(sql, [...MIGRATIONS, broken])).rejects.toThrow();
    expect(await appliedVersions(sql)).toEqual([...LATEST, NEXT]);
  });
});

describe('a database the previous release left (version 1, with jobs in it)', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 10, minute));
  const clock = () => at(30);

  it('comes forward with its jobs readable, and their creation order kept per key', async () => {
    expect(await runMigrations(previous, MIGRATIONS.slice(0, 1))).toEqual([1]);
    // As version 1 wrote them: an edit's bind, then its unbind, of one key.
    for (const [minute, kind] of [
      [1, 'bind'],
      [2, 'unbind'],
    ] as const) {
      await previous.query(
        `INSERT INTO jobs (id, kind, state, project_id, key_name, steps, started_by, token_mode,
           created_at, updated_at)
         VALUES (gen_random_uuid(), $1, 'queued', 7, 'team-key', $2, 'shared token', 'shared', $3, $3)`,
        [
          kind,
          JSON.stringify([{ deployment: 'llama', status: 'pending', message: null }]),
          at(minute),
        ],
      );
    }
    expect(await runMigrations(previous)).toEqual(LATEST.slice(1));
    const listed = await jobStore(previous, clock).list(7);
    expect(listed.map((job) => job.kind)).toEqual(['unbind', 'bind']);
    const leases = jobLeases(previous, clock, 30_000);
    expect((await leases.claim('w1', 4)).map((job) => job.kind)).toEqual(['bind']);
  });
});

describe('a database at version 3 (before rotations)', () => {
  it('comes forward to version 4: its jobs read with no rotation, a retirement keeps its own', async () => {
    const db = await openDatabase({ dataDir: MEMORY_DATA_DIR });
    try {
      expect(await runMigrations(db, MIGRATIONS.slice(0, 3))).toEqual([1, 2, 3]);
      await db.query(
        `INSERT INTO jobs (id, kind, state, project_id, key_name, steps, started_by, token_mode,
           created_at, updated_at)
         VALUES (gen_random_uuid(), 'bind', 'done', 7, 'team-key', '[]', 'shared token', 'shared',
           now(), now())`,
      );
      expect(await runMigrations(db)).toEqual(LATEST.slice(3));
      const store = jobStore(db, () => new Date());
      const rotation = {
        replaced_by: 'team-key-2',
        key_id: null,
        replaced_by_id: null,
        after_job: null,
      };
      await store.create({
        kind: 'retire',
        project_id: 7,
        key_name: 'team-key',
        deployments: [],
        run_after: null,
        started_by: 'shared token',
        token_mode: 'shared',
        ...rotation,
      });
      const listed = await store.list(7);
      expect(listed.map((job) => [job.kind, job.state, job.rotation])).toEqual([
        ['retire', 'held', rotation],
        ['bind', 'done', null],
      ]);
    } finally {
      await db.close();
    }
  }, 60_000);
});
