import { isDashboardOwnedHeader, NO_STORE, upstreamFailureJson } from '../cloud-answer.ts';

export type CloudTarget = { url: string; token: string | undefined };

/** What the browser may tell the API; everything else (cookies, hop-by-hop) stays here. */
const FORWARDED_REQUEST_HEADERS = ['accept', 'content-type', 'authorization', 'accept-language'];
const DROPPED_RESPONSE_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  // fetch has already decoded the body, so its length and encoding no longer apply.
  'content-encoding',
  'content-length',
  'set-cookie',
]);
const MID_FLIGHT = new Set([
  'ECONNRESET',
  'EPIPE',
  'UND_ERR_SOCKET',
  'ETIMEDOUT',
  'UND_ERR_ABORTED',
]);

/**
 * Forwards a `/cloud/…` request to the API. With a server token it replaces whatever
 * Authorization the browser sent; without one, the user's own token passes through.
 */
export async function forwardToCloud(request: Request, target: CloudTarget): Promise<Response> {
  const incoming = new URL(request.url);
  const upstreamUrl = new URL(`${incoming.pathname}${incoming.search}`, target.url);
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  if (target.token !== undefined) headers.set('authorization', `APIKey ${target.token}`);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  try {
    const upstream = await fetch(upstreamUrl, {
      method: request.method,
      headers,
      body: hasBody ? await request.arrayBuffer() : undefined,
      redirect: 'manual',
      signal: request.signal,
    });
    const responseHeaders = new Headers(NO_STORE);
    upstream.headers.forEach((value, name) => {
      if (!DROPPED_RESPONSE_HEADERS.has(name) && !isDashboardOwnedHeader(name)) {
        responseHeaders.set(name, value);
      }
    });
    return new Response(upstream.body, { status: upstream.status, headers: responseHeaders });
  } catch (error) {
    return upstreamFailure(error);
  }
}

function upstreamFailure(error: unknown): Response {
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code ?? '';
  const midFlight =
    MID_FLIGHT.has(code) || /terminated|other side closed/i.test(String(cause ?? error));
  return new Response(upstreamFailureJson(midFlight, code || 'network error'), {
    status: 502,
    headers: { 'content-type': 'application/json', ...NO_STORE },
  });
}
