/**
 * Browsers send `Sec-Fetch-*` only to secure origins: HTTPS, or loopback. A dashboard reached over
 * plain HTTP on any other host loses that signal, and leans on its X-Requested-By alone.
 */
export const INSECURE_ORIGIN_WARNING =
  'WARNING: the dashboard is served over plain HTTP on a host that is not loopback. Browsers send no Sec-Fetch-* headers to such an origin, so only its X-Requested-By check tells its own page from another site, and the token and the one-time secrets cross the network in clear. Serve it over HTTPS.';

/** True for the hosts browsers treat as secure even over HTTP. */
function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127\.\d+\.\d+\.\d+$/.test(hostname)
  );
}

/** The origins of `origins` (`scheme://host[:port]`) that are plain HTTP on a host not loopback. */
export function insecurePublicOrigins(origins: readonly string[]): string[] {
  return origins.filter((origin) => {
    const url = new URL(origin);
    return url.protocol === 'http:' && !isLoopback(url.hostname);
  });
}

/** The warning as the servers log it: one JSON line of level `warn`, or nothing. */
export function insecureOriginLine(origins: readonly string[]): string | undefined {
  const insecure = insecurePublicOrigins(origins);
  if (insecure.length === 0) return undefined;
  return JSON.stringify({
    type: 'log',
    time: new Date().toISOString(),
    level: 'warn',
    msg: INSECURE_ORIGIN_WARNING,
    origins: insecure,
  });
}
