import type { Queryable, Sql } from './database.ts';

export type Migration = { version: number; sql: string };

/**
 * The jobs schema, one step per version, never edited once released: a database at any
 * version is brought forward by the steps above it. Times come from the application's clock
 * (never `now()` in SQL), so tests drive them and replicas agree on the rule, not the clock.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE jobs (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        state text NOT NULL,
        project_id bigint NOT NULL,
        key_name text NOT NULL,
        steps jsonb NOT NULL,
        key_deleted boolean NOT NULL DEFAULT false,
        failure text,
        started_by text NOT NULL,
        token_mode text NOT NULL CHECK (token_mode IN ('shared', 'personal')),
        detail jsonb,
        attempts integer NOT NULL DEFAULT 0,
        run_after timestamptz,
        lease_owner text,
        lease_until timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        finished_at timestamptz
      );
      CREATE INDEX jobs_by_project ON jobs (project_id, created_at DESC);
      CREATE INDEX jobs_waiting ON jobs (state, run_after) WHERE state IN ('queued', 'running');
    `,
  },
  {
    // Creation order per key: two jobs written in the same millisecond still have an order,
    // and a claim finds an older open job of the same key through the index.
    version: 2,
    sql: `
      ALTER TABLE jobs ADD COLUMN seq bigserial;
      CREATE INDEX jobs_open_by_key ON jobs (project_id, key_name, seq)
        WHERE state IN ('queued', 'running');
    `,
  },
  {
    // One row per expiry warning, claimed before it is posted: the primary key is what makes a
    // warning go out once across replicas and restarts (server/expiry/expiry-alerts.ts). The
    // key is named by its identity in its generation (v3 name, v2 UUID); nothing secret.
    version: 3,
    sql: `
      CREATE TABLE expiry_alerts (
        project_id bigint NOT NULL,
        key_id text NOT NULL,
        expires_at timestamptz NOT NULL,
        threshold text NOT NULL CHECK (threshold IN ('14d', '7d', '1d', 'expired')),
        key_name text NOT NULL,
        claimed_by text NOT NULL,
        claimed_at timestamptz NOT NULL,
        sent_at timestamptz,
        PRIMARY KEY (project_id, key_id, expires_at, threshold)
      );
      CREATE INDEX expiry_alerts_by_expiry ON expiry_alerts (expires_at)
    `,
  },
  {
    // A retire job's other half (the key that replaces the one it retires, and the bind job it
    // waits for); null for every other kind. Names and ids only.
    version: 4,
    sql: 'ALTER TABLE jobs ADD COLUMN rotation jsonb',
  },
  {
    // Who did what (server/activity): one row per audit line, the allow-listed fields only.
    // Read newest first per project, optionally for one key (v3 by name, v2 by id); the time
    // index is what the retention's delete walks.
    version: 5,
    sql: `
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        time timestamptz NOT NULL,
        "user" text NOT NULL,
        action text NOT NULL,
        project bigint,
        key_name text,
        key_id text,
        deployment text,
        status integer NOT NULL,
        request_id text NOT NULL,
        upstream_request_id text,
        detail jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_events_by_project ON audit_events (project, id DESC);
      CREATE INDEX audit_events_by_key_name ON audit_events (project, key_name);
      CREATE INDEX audit_events_by_key_id ON audit_events (project, key_id);
      CREATE INDEX audit_events_by_time ON audit_events (time)
    `,
  },
];

/** Any constant both replicas agree on: the lock that keeps two starts from racing. */
const MIGRATION_LOCK = 720_020;

/**
 * Brings the schema to the latest version in one transaction, under an advisory lock, so two
 * replicas starting together apply each step once. Returns the versions it applied.
 */
export async function runMigrations(
  sql: Sql,
  migrations: readonly Migration[] = MIGRATIONS,
  clock: () => Date = () => new Date(),
): Promise<number[]> {
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY, applied_at timestamptz NOT NULL)`,
    );
    const done = new Set(await appliedVersions(tx));
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      await execute(tx, migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
        migration.version,
        clock(),
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}

export async function appliedVersions(db: Queryable): Promise<number[]> {
  const result = await db.query<{ version: number }>(
    'SELECT version FROM schema_migrations ORDER BY version',
  );
  return result.rows.map((row) => row.version);
}

/** One statement per query: pg's extended protocol and PGlite's `query` take one at a time. */
async function execute(tx: Queryable, script: string): Promise<void> {
  for (const statement of script.split(';').map((part) => part.trim())) {
    if (statement) await tx.query(statement);
  }
}
