/** Where the server's own reads go: the API's origin and, in shared-token mode, its token. */
export type ServerReadTarget = {
  apiUrl: string;
  /** The shared token; undefined in personal sign-in, where only reachability can be asked. */
  token: string | undefined;
  fetch?: typeof fetch;
  /** Per call: a scrape or a probe must never hang on a stalled API. */
  timeoutMs?: number;
};

export type ServerReadAnswer = { status: number; json: unknown };

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * One GET the server makes on its own behalf, straight to the API with the shared token, as the
 * gateway would forward it. Redirects are not followed (the token must not travel elsewhere).
 * Throws when no answer came; any status is returned for the caller to judge.
 */
export async function serverGet(target: ServerReadTarget, path: string): Promise<ServerReadAnswer> {
  const send = target.fetch ?? fetch;
  const timeoutMs = target.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (target.token !== undefined) headers.authorization = `APIKey ${target.token}`;
  let response: Response;
  try {
    response = await send(new URL(path, target.apiUrl), {
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`GET ${withoutQuery(path)} got no answer: ${reason}`, { cause: error });
  }
  const text = await response.text();
  return { status: response.status, json: parseJson(text) };
}

function withoutQuery(path: string): string {
  return path.split('?')[0] ?? path;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
