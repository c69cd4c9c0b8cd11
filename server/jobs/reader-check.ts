import { createHash } from 'node:crypto';
import { errorAnswer, type ErrorAnswer } from '../cloud-answer.ts';

/** Who may read jobs: undefined when the caller may, else the refusal to send. */
export type ReaderCheck = (authorization: string | undefined) => Promise<ErrorAnswer | undefined>;

export type ReaderCheckOptions = {
  /** The API the gateway forwards to (Gcore or the sandbox). */
  apiUrl: string;
  fetchImpl?: (url: string, init: RequestInit) => Promise<Response>;
  now?: () => number;
  /** How long an accepted token is believed without asking again. */
  rememberMs?: number;
  /** At most this many accepted tokens are remembered; the oldest goes first. */
  maxEntries?: number;
  timeoutMs?: number;
};

const NOT_SIGNED_IN = errorAnswer(
  401,
  'NotSignedIn',
  'Sign in first: the jobs list shows who changed which key, and only signed-in people may read it.',
);
const REFUSED = errorAnswer(
  401,
  'NotAuthenticated',
  'The API did not accept your sign-in: sign in again to see the jobs.',
);

/** With the server's own token: whoever reaches the server reads, as through the gateway. */
export const everyReader: ReaderCheck = async () => undefined;

/**
 * Personal sign-in: the jobs list names people and keys, so it answers only a caller whose
 * Authorization the API accepts, checked with the cheapest call any valid token may make (the
 * projects list, one row). Accepted tokens are remembered for a few minutes by their SHA-256,
 * never the token itself; concurrent checks of one token share a single call.
 */
export function createReaderCheck(options: ReaderCheckOptions): ReaderCheck {
  const fetchImpl = options.fetchImpl ?? fetch;
  const now = options.now ?? Date.now;
  const rememberMs = options.rememberMs ?? 5 * 60_000;
  const maxEntries = options.maxEntries ?? 1000;
  const accepted = new Map<string, number>();
  const inFlight = new Map<string, Promise<ErrorAnswer | undefined>>();

  const remember = (digest: string) => {
    accepted.delete(digest);
    accepted.set(digest, now() + rememberMs);
    for (const oldest of accepted.keys()) {
      if (accepted.size <= maxEntries) break;
      accepted.delete(oldest);
    }
  };

  const ask = async (authorization: string, digest: string) => {
    const url = new URL('/cloud/v1/projects?limit=1', options.apiUrl).href;
    try {
      const answer = await fetchImpl(url, {
        headers: { accept: 'application/json', authorization },
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      await answer.body?.cancel();
      if (answer.ok) {
        remember(digest);
        return undefined;
      }
      if (answer.status === 401 || answer.status === 403) return REFUSED;
      return unavailable(`the API answered HTTP ${answer.status}`);
    } catch (error) {
      return unavailable(error instanceof Error ? error.message : String(error));
    }
  };

  return async (raw) => {
    const authorization = raw?.trim();
    if (!authorization) return NOT_SIGNED_IN;
    const digest = createHash('sha256').update(authorization).digest('base64url');
    const until = accepted.get(digest);
    if (until !== undefined && now() < until) return undefined;
    accepted.delete(digest);
    const pending = inFlight.get(digest);
    if (pending) return pending;
    const check = ask(authorization, digest).finally(() => inFlight.delete(digest));
    inFlight.set(digest, check);
    return check;
  };
}

function unavailable(reason: string): ErrorAnswer {
  return errorAnswer(
    503,
    'SignInUnchecked',
    `Your sign-in could not be checked with the API (${reason}); try again in a moment.`,
  );
}
