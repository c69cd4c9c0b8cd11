const MAX_CACHED = 64;
const verdicts = new Map<string, boolean>();

/**
 * Whether @hono/node-server takes a request with this Host (or, without one, its default
 * hostname): it parses `http://<host><path>` and answers 400 when that fails or the hostname is
 * not the header's. The fast path must refuse what the full app refuses. The path cannot change
 * the verdict, so it is cached per host: a server sees a handful of them.
 */
export function hostAccepted(host: string): boolean {
  let verdict = verdicts.get(host);
  if (verdict === undefined) {
    verdict = judge(host);
    if (verdicts.size >= MAX_CACHED) verdicts.clear();
    verdicts.set(host, verdict);
  }
  return verdict;
}

function judge(host: string): boolean {
  if (host === '') return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}/`).hostname;
  } catch {
    return false;
  }
  return hostname.length === host.length || hostname === host.replace(/:\d+$/, '');
}
