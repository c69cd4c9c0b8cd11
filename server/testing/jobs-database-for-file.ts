import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Sql } from '../jobs/database.ts';
import { fakeClock, openTestDatabase } from './jobs-database.ts';

/**
 * For a file of job tests: one test database, opened before them and closed after. Each test
 * starts with no jobs and a fresh fake clock. Its fields are read inside a test.
 */
export function jobsDatabaseForFile() {
  const db = { clock: fakeClock() } as { sql: Sql; clock: ReturnType<typeof fakeClock> };
  beforeAll(async () => {
    db.sql = await openTestDatabase();
  }, 60_000);
  afterAll(() => db.sql.close());
  beforeEach(async () => {
    await db.sql.query('DELETE FROM jobs');
    db.clock = fakeClock();
  });
  return db;
}
