import { MEMORY_DATA_DIR, openDatabase, type Sql } from '../jobs/database.ts';
import { runMigrations } from '../jobs/migrations.ts';

/**
 * One in-memory PGlite per test file (starting one takes seconds on a busy machine), migrated;
 * tests empty `jobs` between them with `sql.query('DELETE FROM jobs')`.
 */
export async function openTestDatabase(): Promise<Sql> {
  const sql = await openDatabase({ dataDir: MEMORY_DATA_DIR });
  await runMigrations(sql);
  return sql;
}

/** Time the tests move by hand: no sleeps, no timers racing the database. */
export function fakeClock(start = '2026-03-01T10:00:00.000Z') {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

/** Every table of the database as text: what a leak scan reads. */
export async function dumpAllTables(sql: Sql): Promise<string> {
  const tables = await sql.query<{ name: string }>(
    `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name
     FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  const dumps = await Promise.all(
    tables.rows.map(async ({ name }) => {
      const rows = await sql.query(`SELECT * FROM ${name}`);
      return `${name}\n${JSON.stringify(rows.rows)}`;
    }),
  );
  return dumps.join('\n');
}
