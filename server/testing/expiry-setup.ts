import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Sql } from '../jobs/database.ts';
import { startExpiryHarness } from './expiry-harness.ts';
import { openTestDatabase } from './jobs-database.ts';
import { startWebhookReceiver } from './webhook-receiver.ts';

type ExpirySetup = {
  sql: Sql;
  harness: Awaited<ReturnType<typeof startExpiryHarness>>;
  receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  /** What the code under test wrote, one line each; empty at each test's start. */
  lines: string[];
};

/**
 * For a file of expiry tests: a test database, the v3 expiry harness at `start` and a webhook
 * receiver, started once. Each test starts with no alerts sent, the seed, the clock at `start`,
 * a receiver that answers, and no lines. Its fields are read inside a test.
 */
export function expirySetupForFile(start: string): ExpirySetup {
  const setup = { lines: [] as string[] } as ExpirySetup;
  beforeAll(async () => {
    [setup.sql, setup.harness, setup.receiver] = await Promise.all([
      openTestDatabase(),
      startExpiryHarness('v3', start),
      startWebhookReceiver(),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([setup.sql.close(), setup.harness.close(), setup.receiver.close()]);
  });
  beforeEach(async () => {
    await setup.sql.query('DELETE FROM expiry_alerts');
    setup.harness.sandbox.reset();
    setup.harness.setTime(start);
    setup.receiver.texts.length = 0;
    setup.receiver.setMode('up');
    setup.lines = [];
  });
  return setup;
}
