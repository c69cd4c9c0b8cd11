import { urlToHttpOptions } from 'node:url';

/** The API's origin as `node:http` takes it, parsed once for every call. */
export type UpstreamOrigin = {
  protocol: string;
  hostname: string;
  port: number | undefined;
  /** `user:password` when the configured URL carries them, as a URL given to `request` sends. */
  auth?: string;
};

export function upstreamOrigin(url: string): UpstreamOrigin {
  const { protocol, hostname, port, auth } = urlToHttpOptions(new URL(url));
  return {
    protocol: protocol ?? 'http:',
    hostname: hostname ?? '',
    port: typeof port === 'number' ? port : undefined,
    ...(auth ? { auth } : {}),
  };
}

/** Query characters `new URL` leaves as they are (no space, quote, `#`, `<`, `>`, non-ASCII). */
const PLAIN_QUERY = /^[A-Za-z0-9\-._~!$&()*+,;=:@/?%]*$/;

/**
 * The path and query the API gets, exactly as `new URL(target, origin)` would send them. The
 * path is already canonical (no character a URL escapes); a query of plain characters is too,
 * so the per-call URL is built only for a query that needs escaping.
 */
export function upstreamPath(path: string, query: string): string {
  const target = query ? `${path}?${query}` : path;
  if (PLAIN_QUERY.test(query)) return target;
  const url = new URL(target, 'http://upstream.invalid');
  return `${url.pathname}${url.search}`;
}
