/**
 * The headers every response of the dashboard carries, dev server and production alike. Pure, so
 * the production server can reuse it and the unit tests can pin the exact policy.
 */
export type CspMode = 'dev' | 'production';

export type CspOptions = {
  mode: CspMode;
  /** `sha256-<base64>` of each inline script the served HTML holds; production has none. */
  scriptHashes?: readonly string[];
};

const HASH = /^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$/;

export function contentSecurityPolicy({ mode, scriptHashes = [] }: CspOptions): string {
  const bad = scriptHashes.find((hash) => !HASH.test(hash));
  // A typo here would either break the page or, worse, be read as another source expression.
  if (bad !== undefined) throw new Error(`Not a CSP hash: "${bad}"`);
  const hashes = [...new Set(scriptHashes)].map((hash) => `'${hash}'`);
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    // No 'unsafe-inline': an injected <script> or event handler must not run.
    ['script-src', ["'self'", ...hashes]],
    // Vite's dev client injects CSS through <style> tags, and so does its error overlay; the
    // production build links plain stylesheets, so only dev needs the exception.
    ['style-src', mode === 'dev' ? ["'self'", "'unsafe-inline'"] : ["'self'"]],
    ['img-src', ["'self'", 'data:']],
    // Only the own origin: the page reaches Gcore through the /cloud proxy, never directly.
    // 'self' also covers the dev server's HMR websocket on the same host and port.
    ['connect-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'self'"]],
    // The reveal dialog shows a secret: no other site may frame it (clickjacking).
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

export function securityHeaders(options: CspOptions): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(options),
    // Key ids sit in the page's URL; no request may carry them to another site.
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  };
}

/** Lower-case names, for code that must keep an upstream's copies from replacing ours. */
export const SECURITY_HEADER_NAMES: readonly string[] = Object.keys(
  securityHeaders({ mode: 'production' }),
);
