/**
 * The request target as the server decides on it and as the gateway forwards it: only a target
 * that is already in canonical form is served, so no later step (the router, a decoder, the
 * upstream) can turn it into another path. Applied to every path, not only to `/cloud`.
 */
export type CanonicalTarget = { path: string; query: string };
export type TargetVerdict = { ok: true; target: CanonicalTarget } | { ok: false; problem: string };

/** Characters a path may hold literally (RFC 3986 pchar and '/'), plus '%' for escapes. */
const PATH_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*$/;
/** Unreserved characters must never be escaped (`%63loud`), nor '/', '\' or '%' itself. */
const NEEDLESS_OR_DANGEROUS_ESCAPE = /^(?:[A-Za-z0-9\-._~/\\%])$/;

export function checkTarget(raw: string): TargetVerdict {
  // Absolute-form (`GET http://evil.example/ HTTP/1.1`) and `*` ask for an open proxy.
  if (!raw.startsWith('/')) return refused('a target that is not a path');
  const question = raw.indexOf('?');
  const path = question < 0 ? raw : raw.slice(0, question);
  const query = question < 0 ? '' : raw.slice(question + 1);
  const problem = pathProblem(path);
  return problem ? refused(problem) : { ok: true, target: { path, query } };
}

/** What makes `path` non-canonical, or `undefined` when it is canonical. Pure. */
export function pathProblem(path: string): string | undefined {
  if (!PATH_CHARS.test(path)) return 'a character that must be escaped (or a backslash)';
  if (path.startsWith('//') || path.slice(1, -1).includes('//')) return 'an empty segment';
  // Most paths hold neither escapes nor dots: those two scans are skipped for them.
  if (path.includes('%')) return escapeProblem(path) ?? dotSegmentProblem(path);
  return dotSegmentProblem(path);
}

function escapeProblem(path: string): string | undefined {
  for (const escape of path.matchAll(/%(.{0,2})/g)) {
    const hex = escape[1] ?? '';
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return 'malformed percent-encoding';
    if (NEEDLESS_OR_DANGEROUS_ESCAPE.test(String.fromCharCode(parseInt(hex, 16)))) {
      return `an escaped character that must be literal or refused (%${hex})`;
    }
  }
  return undefined;
}

function dotSegmentProblem(path: string): string | undefined {
  if (!path.includes('.')) return undefined;
  // `..;` is a dot segment to servers that strip matrix parameters.
  if (path.split('/').some((segment) => /^\.{1,2}(?:;.*)?$/.test(segment))) {
    return 'a dot segment';
  }
  return undefined;
}

function refused(problem: string): TargetVerdict {
  return { ok: false, problem };
}
