import type { GenerationChoice } from './api-generation-choice.ts';
import { errorAnswer, NO_STORE, sendError } from './cloud-answer.ts';
import type { NodeMiddleware } from './gateway/node-middleware.ts';
import { notFromThePage, type OriginPolicy } from './gateway/request-origin.ts';

/** Beside `/healthz`, outside `/cloud`: the server's own answer, never forwarded as such. */
export const API_GENERATION_PATH = '/__app/api-generation';

/**
 * `GET /__app/api-generation` → `{generation: 'v2' | 'v3' | null, reason}`, or 502 while the API
 * cannot be reached (the page asks again until it answers). In personal sign-in, where the HTML
 * cannot say, it answers for the caller's own `Authorization`, which goes to the API only and is
 * never echoed or logged. Whoever did not probe with their own token gets a generic reason.
 */
export function apiGenerationEndpoint(
  choice: Pick<GenerationChoice, 'decide'>,
  policy: OriginPolicy,
): NodeMiddleware {
  return (req, res, next) => {
    if ((req.url ?? '').split('?', 1)[0] !== API_GENERATION_PATH) return next();
    if (req.method !== 'GET') {
      const answer = errorAnswer(405, 'MethodNotAllowed', 'Only GET is answered here.');
      return sendError(res, { ...answer, headers: { allow: 'GET' } });
    }
    if (!policy.isAllowedHost(req.headers.host ?? '')) {
      return sendError(res, errorAnswer(421, 'MisdirectedRequest', 'This host is not served.'));
    }
    // Another site must not make this server probe the API, least of all with its token.
    const notPage = notFromThePage('GET', req.headers, policy);
    if (notPage) return sendError(res, notPage);
    const failed = () =>
      sendError(res, errorAnswer(500, 'InternalError', 'The generation probe failed.'));
    void choice.decide(req.headers.authorization).then((result) => {
      const { generation, reason } = result;
      // The API could not be reached: answered as the gateway answers an unreachable API, so
      // the page says so in the same words and keeps asking until it decides.
      if (result.generation === null && result.unreachable) {
        const message = `Which generation the API serves is not known (${reason}).`;
        return sendError(res, errorAnswer(502, 'GenerationProbeFailed', message));
      }
      const body = JSON.stringify({ generation, reason });
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        ...NO_STORE,
      });
      res.end(body);
    }, failed);
  };
}
