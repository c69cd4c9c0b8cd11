/**
 * Which Gcore generation of the key calls an API serves. v3 is today's; v2 is deprecated and was
 * removed from Gcore's spec, so v3 is preferred wherever it answers. The choice is made here, on
 * the server side, and reaches the page as configuration: the browser never guesses.
 */
export type ApiGeneration = 'v2' | 'v3';
export type ApiGenerationSetting = ApiGeneration | 'auto';

export function readApiGenerationSetting(value: string | undefined): ApiGenerationSetting {
  const setting = value?.trim() || 'auto';
  if (setting === 'v2' || setting === 'v3' || setting === 'auto') return setting;
  throw new Error(`GCORE_API_VERSION must be "v2", "v3" or "auto", got "${setting}"`);
}

export type ProbeTarget = { url: string; authorization: string | undefined };

export type ProbeResult =
  | { generation: ApiGeneration; reason: string }
  /**
   * The API could not tell (no token, refused, unreachable): ask again later. `unreachable`:
   * no answer, or the API failing (5xx), so asking again soon may well decide.
   */
  | { generation: null; reason: string; unreachable: boolean };

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Asks the v3 key list of the account's default project for one key: an answer means v3, a 404
 * on that route means the API predates v3. Anything else (401, 5xx, no answer) decides nothing.
 */
export async function probeApiGeneration(
  target: ProbeTarget,
  fetchImpl: Fetch = fetch,
  timeoutMs = 10_000,
): Promise<ProbeResult> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (target.authorization) headers.authorization = target.authorization;
  const get = (path: string) =>
    fetchImpl(new URL(path, target.url).href, {
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  try {
    const projects = await get('/cloud/v1/projects?limit=1000');
    if (!projects.ok) {
      return undecided(
        `the projects list answered HTTP ${projects.status}`,
        projects.status >= 500,
      );
    }
    const project = defaultProjectId(await projects.json());
    if (project === null) return undecided('the account has no project');
    const keys = await get(`/cloud/v3/inference/${project}/api_keys?limit=1`);
    await keys.body?.cancel();
    if (keys.ok) return { generation: 'v3', reason: 'the v3 key list answered' };
    if (keys.status === 404)
      return { generation: 'v2', reason: 'the v3 key list is not there (404)' };
    return undecided(`the v3 key list answered HTTP ${keys.status}`, keys.status >= 500);
  } catch (error) {
    return undecided(error instanceof Error ? error.message : String(error), true);
  }
}

const undecided = (reason: string, unreachable = false): ProbeResult => ({
  generation: null,
  reason,
  unreachable,
});

/** The project marked `is_default`, else the first one: the one v2 calls fall back to. */
function defaultProjectId(body: unknown): number | null {
  const results = (body as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return null;
  const projects = results.filter(
    (p): p is { id: number; is_default?: unknown } =>
      typeof p === 'object' && p !== null && Number.isInteger((p as { id?: unknown }).id),
  );
  return (projects.find((p) => p.is_default === true) ?? projects[0])?.id ?? null;
}
