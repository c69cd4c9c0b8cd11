import type { ExpiringKey } from './expiry-keys.ts';
import { timeLeft, type Threshold } from './expiry-thresholds.ts';

/**
 * The warning's text, plain enough for Slack, Teams and any JSON receiver. Project names are
 * anyone's text: `<`, `>` and `&` are escaped so a name like `<!channel>` pings no one, and a
 * backtick cannot close the code span around it.
 */
export function expiryMessage(
  key: ExpiringKey,
  threshold: Threshold,
  now: Date,
  publicOrigin: string | undefined,
): string {
  const subject = `Key ${code(key.keyName)} in project ${code(key.projectName)} (id ${key.projectId})`;
  const when = formatUtc(key.expiresAt);
  const names = key.deployments.map(escape).join(', ');
  const sentences =
    threshold === 'expired'
      ? [
          `${subject} expired on ${when}.`,
          names ? `It unlocked: ${names}.` : 'It unlocked no deployment.',
        ]
      : [
          `${subject} expires in ${timeLeft(key.expiresAt, now)} (${when}).`,
          names ? `It unlocks: ${names}.` : 'It unlocks no deployment yet.',
        ];
  // The link opens the key's details in its project, where Rotate replaces it.
  if (publicOrigin) sentences.push(`Open it to replace it: ${keyLink(publicOrigin, key)}`);
  return sentences.join(' ');
}

/** The page's own deep link (src/features/api-keys/model/keys-view.ts: `project`, `key`). */
export function keyLink(origin: string, key: Pick<ExpiringKey, 'projectId' | 'keyId'>): string {
  const query = new URLSearchParams({ project: String(key.projectId), key: key.keyId });
  return `${origin}/?${query.toString()}`;
}

/** "2027-01-03 12:00 UTC". */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const code = (text: string) => `\`${escape(text).replace(/`/g, "'")}\``;
