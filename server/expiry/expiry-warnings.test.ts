import { describe, expect, it } from 'vitest';
import { expirySetupForFile } from '../testing/expiry-setup.ts';
import { expiryAlerts } from './expiry-alerts.ts';
import { createExpiryChecker } from './expiry-checker.ts';
import { webhookPoster } from './webhook-post.ts';

const ORIGIN = 'https://keys.example.com';
// The sandbox's seed key `mobile-app-prod` expires 2099-12-31T23:59:59Z, bound to two deployments.
const BEFORE_14_DAYS = '2099-12-18T00:00:00Z';
const LINK = `${ORIGIN}/?project=1&key=mobile-app-prod`;
const SUBJECT = 'Key `mobile-app-prod` in project `default` (id 1)';
const UNLOCKS = 'llama-3-8b-chat, mistral-7b-instruct';
const STEPS: [time: string, text: string][] = [
  [
    BEFORE_14_DAYS,
    `${SUBJECT} expires in 14 days (2099-12-31 23:59 UTC). It unlocks: ${UNLOCKS}. Open it to replace it: ${LINK}`,
  ],
  [
    '2099-12-25T12:00:00Z',
    `${SUBJECT} expires in 6 days (2099-12-31 23:59 UTC). It unlocks: ${UNLOCKS}. Open it to replace it: ${LINK}`,
  ],
  [
    '2099-12-31T06:00:00Z',
    `${SUBJECT} expires in 17 hours (2099-12-31 23:59 UTC). It unlocks: ${UNLOCKS}. Open it to replace it: ${LINK}`,
  ],
  [
    '2100-01-01T00:00:00Z',
    `${SUBJECT} expired on 2099-12-31 23:59 UTC. It unlocked: ${UNLOCKS}. Open it to replace it: ${LINK}`,
  ],
];

const setup = expirySetupForFile(BEFORE_14_DAYS);

/** One server process's checker: its own claim owner, the one shared database. */
function startProcess(postTimeoutMs?: number) {
  const checker = createExpiryChecker({
    alerts: expiryAlerts(setup.sql, crypto.randomUUID(), setup.harness.clock),
    post: webhookPoster(setup.receiver.url, postTimeoutMs),
    clock: setup.harness.clock,
    publicOrigin: ORIGIN,
    writeLine: (line) => setup.lines.push(line),
  });
  return { check: async () => checker.check(await setup.harness.readKeys()) };
}

describe('expiry warnings', () => {
  it('reach a local receiver exactly once per threshold per key, across restarts', async () => {
    const first = startProcess();
    for (const [time] of STEPS) {
      setup.harness.setTime(time);
      await first.check();
      await first.check();
      // A restart: a new process on the same database.
      await startProcess().check();
    }
    expect(setup.receiver.texts).toEqual(STEPS.map(([, text]) => text));
  });

  it('go out once when two replicas on one database check at the same moment', async () => {
    const results = await Promise.all([startProcess().check(), startProcess().check()]);
    expect(setup.receiver.texts).toEqual([STEPS[0]?.[1]]);
    expect(results.map((result) => result.sent).sort()).toEqual([0, 1]);
  });

  it('are posted again at the next check when the receiver was down', async () => {
    const checker = startProcess();
    setup.receiver.setMode('failing');
    expect(await checker.check()).toEqual({ sent: 0, failed: 1 });
    expect(setup.receiver.texts).toEqual([]);
    const failure = setup.lines.find((line) => line.includes('not delivered')) ?? '';
    expect(failure).toContain('HTTP 503');
    // The webhook's path is its credential: never in a log line.
    expect(setup.lines.join('\n')).not.toContain('secret-path');

    setup.receiver.setMode('up');
    // Another replica's next check, or this one's: the claim was given back.
    await startProcess().check();
    await checker.check();
    expect(setup.receiver.texts).toEqual([STEPS[0]?.[1]]);
  });

  it('give up a post at its deadline and retry it at the next check', async () => {
    setup.receiver.setMode('hang');
    expect(await startProcess(200).check()).toEqual({ sent: 0, failed: 1 });
    expect(setup.lines.join('\n')).toContain('no answer within 200 ms');
    setup.receiver.setMode('up');
    await startProcess(200).check();
    expect(setup.receiver.texts).toEqual([STEPS[0]?.[1]]);
  });

  it('say nothing of a key that expired long before the first check', async () => {
    // The seed's `old-demo` expired in 2025; `mobile-app-prod` is 14 days out.
    await startProcess().check();
    expect(setup.receiver.texts.join('\n')).not.toContain('old-demo');
  });

  it('keep no secret and no webhook address in the database', async () => {
    await startProcess().check();
    const rows = await setup.sql.query('SELECT * FROM expiry_alerts');
    expect(rows.rowCount).toBe(1);
    expect(JSON.stringify(rows.rows)).not.toMatch(/secret|127\.0\.0\.1/);
  });
});
