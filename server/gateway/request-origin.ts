import type { IncomingHttpHeaders } from 'node:http';
import { REQUESTED_BY_HEADER, REQUESTED_BY_VALUE } from '../../src/lib/request-header.ts';
import { errorAnswer, type ErrorAnswer } from '../cloud-answer.ts';

/**
 * Who is asking, as far as a browser tells: the Host the request was sent to, and the site it
 * was sent from. Pure, so the rules are tested without a server.
 */
export type OriginPolicy = {
  /** Host header values (`name:port`, lower case) this server answers as. */
  isAllowedHost: (host: string) => boolean;
  /** Origins (`scheme://host[:port]`) that are this server's own pages. */
  isOwnOrigin: (origin: string, host: string) => boolean;
};

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * The default host allow-list: loopback at `port`, plus the hosts of the configured public
 * origins. A DNS-rebinding page on `evil.example` reaches us with `Host: evil.example`, refused.
 */
export function originPolicy(port: number, publicOrigins: readonly string[]): OriginPolicy {
  const loopback = LOOPBACK_NAMES.map((name) => `http://${name}:${port}`);
  const origins = new Set([...loopback, ...publicOrigins.map((origin) => new URL(origin).origin)]);
  const hosts = new Set([...origins].map((origin) => new URL(origin).host));
  // A public origin on the default port: `Host: keys.example.com` or `keys.example.com:443`.
  for (const origin of publicOrigins) {
    const url = new URL(origin);
    hosts.add(`${url.hostname}:${url.protocol === 'https:' ? 443 : 80}`);
  }
  return {
    isAllowedHost: (host) => hosts.has(host.toLowerCase()),
    isOwnOrigin: (origin) => origins.has(origin.toLowerCase()),
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * Why a request must be refused as cross-site, or `undefined`. A browser says where a request
 * comes from: `Sec-Fetch-Site` (every current browser, to secure origins only), else `Origin`
 * (always sent on writes). A request with neither is a script, or a browser's read of a
 * plain-HTTP origin: the dashboard's own header (`missingRequestedBy`) tells those apart.
 */
export function crossSiteProblem(
  method: string,
  headers: IncomingHttpHeaders,
  policy: OriginPolicy,
): string | undefined {
  const site = headers['sec-fetch-site'];
  const origin = headers.origin;
  const host = headers.host ?? '';
  if (site !== undefined) {
    // `none`: typed in the address bar or a bookmark; only a read can come from there.
    if (site === 'same-origin' || (site === 'none' && SAFE_METHODS.has(method))) return undefined;
    return `a request from another site (Sec-Fetch-Site: ${site})`;
  }
  if (origin !== undefined && !policy.isOwnOrigin(origin, host)) {
    return `a request from another origin (${origin})`;
  }
  return undefined;
}

/**
 * Why a request lacks the header only the dashboard's page sends, or `undefined`. No `<img>`,
 * form or `no-cors` fetch can set it, and a cross-origin fetch that sets it is preflighted,
 * which this server never allows; scripts send it like the page.
 */
export function missingRequestedBy(headers: IncomingHttpHeaders): string | undefined {
  const value = headers[REQUESTED_BY_HEADER];
  if (value === REQUESTED_BY_VALUE) return undefined;
  const sent = value === undefined ? 'without it' : `with "${String(value)}"`;
  return `The dashboard's server answers only its own page's calls, which send the header ${REQUESTED_BY_HEADER}: ${REQUESTED_BY_VALUE}; this request came ${sent}.`;
}

/** The 403 for a request that is not the dashboard page's own call, or `undefined`. */
export function notFromThePage(
  method: string,
  headers: IncomingHttpHeaders,
  policy: OriginPolicy,
): ErrorAnswer | undefined {
  const crossSite = crossSiteProblem(method, headers, policy);
  if (crossSite) return errorAnswer(403, 'CrossSiteRequest', `Refused ${crossSite}.`);
  const missing = missingRequestedBy(headers);
  return missing ? errorAnswer(403, 'MissingRequestHeader', missing) : undefined;
}
