import type { OriginPolicy } from './request-origin.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The dev server's own check, behind Vite's `server.allowedHosts`: loopback, plus the hosts
 * listed there (`.example.com` covers its subdomains). `allowedHosts: true` opens Vite's pages
 * to any host, never the API with the token. Own origin: the page on the host it was asked for.
 */
export function devOriginPolicy(allowedHosts: readonly string[] | true | undefined): OriginPolicy {
  const listed = allowedHosts === true ? [] : (allowedHosts ?? []);
  return {
    isAllowedHost: (host) => {
      const name = host.toLowerCase().replace(/:\d+$/, '');
      if (LOOPBACK.has(name)) return true;
      return listed.some((entry) =>
        entry.startsWith('.') ? name === entry.slice(1) || name.endsWith(entry) : name === entry,
      );
    },
    isOwnOrigin: (origin, host) => origin === `http://${host}` || origin === `https://${host}`,
  };
}
