import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Carries the process secret: proof that a `/cloud` call comes from this server's own jobs. */
export const JOB_SECRET_HEADER = 'x-dashboard-job';
/** Who started the job, URI-encoded (a header carries no arbitrary characters). */
export const JOB_USER_HEADER = 'x-dashboard-job-user';

const MAX_USER_LENGTH = 256;

/**
 * How a job's loopback call tells the gateway whom to name in the audit line. A job runs long
 * after the person who started it left, so the audit identity cannot come from their request;
 * the gateway believes the claimed user only beside the secret made at start, which lives in this
 * process's memory and nowhere else, so no browser or other process can claim a name.
 */
export type JobIdentity = {
  /** The headers a job's call carries; never forwarded upstream, never logged. */
  headersFor(startedBy: string): Record<string, string>;
  /** The claimed job user when the secret matches; otherwise undefined, whatever was claimed. */
  jobUser(headers: IncomingHttpHeaders): string | undefined;
};

export function createJobIdentity(): JobIdentity {
  const secret = Buffer.from(randomBytes(32).toString('hex'), 'latin1');
  return {
    headersFor: (startedBy) => ({
      [JOB_SECRET_HEADER]: secret.toString('latin1'),
      [JOB_USER_HEADER]: encodeURIComponent(startedBy.slice(0, MAX_USER_LENGTH)),
    }),
    jobUser: (headers) => {
      const claimed = headers[JOB_SECRET_HEADER];
      const user = headers[JOB_USER_HEADER];
      if (typeof claimed !== 'string' || typeof user !== 'string') return undefined;
      const given = Buffer.from(claimed, 'latin1');
      // timingSafeEqual needs equal lengths; the length of a fixed-size secret gives nothing away.
      if (given.length !== secret.length || !timingSafeEqual(given, secret)) return undefined;
      const name = decodeUser(user);
      return name ? name.slice(0, MAX_USER_LENGTH) : undefined;
    },
  };
}

function decodeUser(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}
