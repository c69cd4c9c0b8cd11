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
 * Asks the v3 key list of the account's default project for one key: an answer means v3. v2 only
 * on positive evidence, two agreeing signals on a project the account lists as ACTIVE: the v3
 * key list is not there (404) and the v2 key list of that project answers. A 404 alone may mean
 * "no such project" rather than "no such route", and Gcore documents neither body, so it decides
 * nothing. Anything else (401, 5xx, no answer, an unknown project state) decides nothing either.
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
  const statusOf = async (path: string) => {
    const answer = await get(path);
    await answer.body?.cancel();
    return answer.status;
  };
  try {
    const projects = await get('/cloud/v1/projects?limit=1000');
    if (!projects.ok) {
      await projects.body?.cancel();
      return undecided(
        `the projects list answered HTTP ${projects.status}`,
        projects.status >= 500,
      );
    }
    const project = defaultProject(await projects.json());
    if (project === null) return undecided('the account has no project');
    const v3 = await statusOf(`/cloud/v3/inference/${project.id}/api_keys?limit=1`);
    if (v3 >= 200 && v3 < 300) return { generation: 'v3', reason: 'the v3 key list answered' };
    if (v3 !== 404) return undecided(`the v3 key list answered HTTP ${v3}`, v3 >= 500);
    if (project.state !== 'ACTIVE') {
      return undecided(
        `the v3 key list answered 404 on project ${project.id}, not listed as ACTIVE`,
      );
    }
    const v2 = await statusOf(`/cloud/v2/inference/api_keys?project_id=${project.id}&limit=1`);
    if (v2 >= 200 && v2 < 300) {
      return { generation: 'v2', reason: 'no v3 key list (404), and the v2 key list answered' };
    }
    return undecided(
      `the v3 key list answered 404, the v2 key list answered HTTP ${v2}`,
      v2 >= 500,
    );
  } catch (error) {
    return undecided(error instanceof Error ? error.message : String(error), true);
  }
}

const undecided = (reason: string, unreachable = false): ProbeResult => ({
  generation: null,
  reason,
  unreachable,
});

type ListedProject = { id: number; state?: unknown };

/** The project marked `is_default`, else the first one: the one v2 calls fall back to. */
function defaultProject(body: unknown): ListedProject | null {
  const results = (body as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return null;
  const projects = results.filter(
    (p): p is ListedProject & { is_default?: unknown } =>
      typeof p === 'object' && p !== null && Number.isInteger((p as { id?: unknown }).id),
  );
  return projects.find((p) => p.is_default === true) ?? projects[0] ?? null;
}
