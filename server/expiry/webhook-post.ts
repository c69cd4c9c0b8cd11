export type PostResult = { ok: true } | { ok: false; reason: string };
export type PostMessage = (text: string) => Promise<PostResult>;

export const DEFAULT_POST_TIMEOUT_MS = 10_000;

/**
 * Posts `{"text": …}`: Slack's incoming-webhook body, which Microsoft Teams and generic JSON
 * receivers take too. Any 2xx is delivered; anything else, or no answer by the deadline, is
 * not. The reason never holds the URL: a webhook's path is its credential.
 */
export function webhookPoster(url: URL, timeoutMs = DEFAULT_POST_TIMEOUT_MS): PostMessage {
  return async (text) => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
        // A redirect could carry the message somewhere ALERT_WEBHOOK_URL does not name.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      if (response.status >= 200 && response.status < 300) return { ok: true };
      return { ok: false, reason: `the webhook answered HTTP ${response.status}` };
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') {
        return { ok: false, reason: `no answer within ${timeoutMs} ms` };
      }
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      const code = (cause as { code?: unknown } | undefined)?.code;
      return {
        ok: false,
        reason: `the webhook could not be reached (${typeof code === 'string' ? code : 'network error'})`,
      };
    }
  };
}
