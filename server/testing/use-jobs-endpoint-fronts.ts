import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Sql } from '../jobs/database.ts';
import type { JobExecutor } from '../jobs/job-types.ts';
import { startJobsEndpointFront } from './jobs-endpoint-front.ts';
import { fakeClock, openTestDatabase } from './jobs-database.ts';

type Front = Awaited<ReturnType<typeof startJobsEndpointFront>>;

/**
 * For one test file: `/__app/jobs` twice on one test database, under a shared token and under
 * personal sign-in, both running `executor`; every test starts with no job and no log line.
 */
export function useJobsEndpointFronts(executor: JobExecutor) {
  const clock = fakeClock();
  const lines: string[] = [];
  let sql: Sql | undefined;
  let fronts: { shared: Front; personal: Front } | undefined;
  const database = () => started(sql);
  /** Another front on the same database; who the caller is comes from `identify`. */
  const front = (
    sharedToken: boolean,
    identify: () => string | undefined = () => (sharedToken ? 'shared token' : 'personal token'),
  ) =>
    startJobsEndpointFront({
      sql: database(),
      now: clock.now,
      executor,
      sharedToken,
      identify,
      writeLine: (line) => lines.push(line),
    });
  beforeAll(async () => {
    sql = await openTestDatabase();
    fronts = { shared: await front(true), personal: await front(false) };
  }, 60_000);
  afterAll(async () => {
    await Promise.all([fronts?.shared.close(), fronts?.personal.close()]);
    await sql?.close();
  });
  beforeEach(async () => {
    await database().query('DELETE FROM jobs');
    lines.length = 0;
  });
  return {
    clock,
    lines,
    front,
    get sql() {
      return database();
    },
    get shared() {
      return started(fronts).shared;
    },
    get personal() {
      return started(fronts).personal;
    },
  };
}

function started<T>(piece: T | undefined): T {
  if (!piece) throw new Error('the jobs endpoint is used before its beforeAll ran');
  return piece;
}
