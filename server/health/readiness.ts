import { PROJECTS_PATH } from '../../src/features/projects/api/project-schemas.ts';
import { parseJson, type LoopbackFetch } from '../expiry/loopback-get.ts';

export type CheckResult = { ok: true } | { ok: false; reason: string };
export type Check = () => Promise<CheckResult>;

export type ReadinessReport = {
  ok: boolean;
  checks: { database: CheckResult; upstream: CheckResult };
};

/** How long one check may take before it counts as failed: a probe must answer quickly. */
const CHECK_TIMEOUT_MS = 3_000;
/** The upstream is asked at most this often, however many probes and scrapes arrive. */
export const UPSTREAM_CHECK_TTL_MS = 10_000;

/** A check that throws on failure, as a result with its reason, within `timeoutMs`. */
export function asCheck(
  what: string,
  probe: () => Promise<void>,
  timeoutMs = CHECK_TIMEOUT_MS,
): Check {
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([probe(), late]);
      return { ok: true };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, reason: `${what}: ${reason}` };
    } finally {
      clearTimeout(timer);
    }
  };
}

/** The last result for `ttlMs`; callers arriving during a check share it. */
export function cachedCheck(check: Check, ttlMs: number, now: () => number = Date.now): Check {
  let last: { at: number; result: Promise<CheckResult> } | undefined;
  return () => {
    if (!last || now() - last.at >= ttlMs) last = { at: now(), result: check() };
    return last.result;
  };
}

/**
 * The API is reachable when the projects list, asked through this server's own gateway (as
 * every call of the server's own is), gets any answer but a 5xx: in personal sign-in the server
 * has no token and a 401 still proves Gcore is there; a 502 or 504 is the gateway saying Gcore
 * could not be reached, and names why.
 */
export function upstreamCheck(send: LoopbackFetch): Check {
  const path = `${PROJECTS_PATH}?limit=1`;
  return cachedCheck(
    asCheck('the API', async () => {
      const answer = await send(path);
      const body = parseJson(await answer.text());
      if (answer.status < 500) return;
      const said = gatewayMessage(body);
      throw new Error(
        `GET ${PROJECTS_PATH} answered HTTP ${answer.status}${said ? `: ${said}` : ''}`,
      );
    }),
    UPSTREAM_CHECK_TTL_MS,
  );
}

function gatewayMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('message' in body)) return undefined;
  return typeof body.message === 'string' ? body.message : undefined;
}

/** Ready: the jobs database answers `SELECT 1` and the API answered its last check. */
export function createReadiness(checks: { database: Check; upstream: Check }) {
  return async (): Promise<ReadinessReport> => {
    const [database, upstream] = await Promise.all([checks.database(), checks.upstream()]);
    return { ok: database.ok && upstream.ok, checks: { database, upstream } };
  };
}
