import type { ExpiryAlerts } from './expiry-alerts.ts';
import type { KeyReading } from './expiry-keys.ts';
import { expiryMessage } from './expiry-message.ts';
import { dueThreshold, EXPIRED_NEWS_MS } from './expiry-thresholds.ts';
import type { PostMessage } from './webhook-post.ts';

export type ExpiryCheckerOptions = {
  alerts: ExpiryAlerts;
  post: PostMessage;
  clock: () => Date;
  publicOrigin: string | undefined;
  writeLine: (line: string) => void;
};

export type CheckSummary = { sent: number; failed: number };

const line = (fields: Record<string, unknown>) => JSON.stringify({ type: 'expiry', ...fields });

/**
 * One pass over every key one reading found (projects that could not be read are left for the
 * next check): each warning that is due and that no one has sent is claimed, then
 * posted; one that could not be posted is released for the next check. Posts go one at a time:
 * a webhook rate-limits, and a burst is what a first start against many keys would make.
 */
export function createExpiryChecker(options: ExpiryCheckerOptions) {
  const { alerts, clock, writeLine } = options;
  return {
    async check(reading: KeyReading): Promise<CheckSummary> {
      const summary: CheckSummary = { sent: 0, failed: 0 };
      for (const key of reading.keys) {
        const now = clock();
        const threshold = dueThreshold(key.expiresAt, now);
        if (!threshold) continue;
        const alert = { ...key, threshold };
        if (!(await alerts.claim(alert))) continue;
        const result = await options.post(expiryMessage(key, threshold, now, options.publicOrigin));
        const where = { project: key.projectId, key_name: key.keyName, threshold };
        if (result.ok) {
          await alerts.sent(alert);
          summary.sent += 1;
          writeLine(line({ msg: 'expiry warning sent', ...where }));
        } else {
          await alerts.release(alert);
          summary.failed += 1;
          writeLine(line({ msg: 'expiry warning not delivered', ...where, error: result.reason }));
        }
      }
      // Past the expired-news window no warning can be due again; twice that, to be safe.
      await alerts.purge(new Date(clock().getTime() - 2 * EXPIRED_NEWS_MS));
      return summary;
    },
  };
}
