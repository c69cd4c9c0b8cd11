import { join } from 'node:path';
import { lockDataDir } from './data-dir-lock.ts';

export type QueryResult<Row> = { rows: Row[]; rowCount: number };

/** What the jobs code needs of PostgreSQL, whether embedded (PGlite) or a server (pg). */
export type Queryable = {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<QueryResult<Row>>;
};

export type Sql = Queryable & {
  /** Runs `fn` in one transaction on one connection: committed if it resolves, else rolled back. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export type DatabaseSettings = {
  /** `postgres://…`: a PostgreSQL server several replicas share. */
  databaseUrl?: string | undefined;
  /** Where the embedded database lives without DATABASE_URL; `memory://` keeps it in memory. */
  dataDir: string;
};

export const MEMORY_DATA_DIR = 'memory://';

/**
 * Opens the jobs database: PostgreSQL at DATABASE_URL, else PGlite in `dataDir/pglite`. Both
 * are imported only when chosen, so a server on PostgreSQL never loads PGlite's wasm.
 */
export async function openDatabase(settings: DatabaseSettings): Promise<Sql> {
  if (settings.databaseUrl) return openPool(settings.databaseUrl);
  if (settings.dataDir === MEMORY_DATA_DIR) return openPglite(MEMORY_DATA_DIR, async () => {});
  const unlock = await lockDataDir(join(settings.dataDir, 'pglite.lock'), settings.dataDir);
  try {
    return await openPglite(join(settings.dataDir, 'pglite'), unlock);
  } catch (error) {
    await unlock();
    throw error;
  }
}

async function openPglite(dataDir: string, unlock: () => Promise<void>): Promise<Sql> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dataDir);
  const wrap = (runner: Pick<typeof db, 'query'>): Queryable => ({
    async query<Row>(text: string, params: unknown[] = []) {
      const result = await runner.query<Row>(text, params);
      // PGlite counts only written rows (0 for a SELECT); pg counts read ones too.
      const rowCount = Math.max(result.affectedRows ?? 0, result.rows.length);
      return { rows: result.rows, rowCount };
    },
  });
  return {
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    async close() {
      await db.close();
      await unlock();
    },
  };
}

async function openPool(connectionString: string): Promise<Sql> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString, max: 5 });
  // A dropped idle connection must not crash the process: the next query opens another.
  pool.on('error', () => {});
  const query = async <Row>(
    client: Pick<InstanceType<typeof pg.Pool>, 'query'>,
    text: string,
    params: unknown[] = [],
  ) => {
    const result = await client.query(text, params);
    return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
  };
  return {
    query: (text, params) => query(pool, text, params),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await fn({ query: (text, params) => query(client, text, params) });
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
