/** Names kept per deployment; past this many deployments the oldest is forgotten. */
const REMEMBERED_DEPLOYMENTS = 1_000;
const MAX_NAMES = 1_000;

/**
 * Each deployment's `api_keys` as last read through this server, names only: the dashboard
 * re-reads a deployment right before it PATCHes the whole list, so a bind's audit line can say
 * which key that PATCH added or removed.
 */
export class DeploymentKeysMemory {
  #lists = new Map<string, string[]>();

  remember(project: string, deployment: string, answer: unknown): void {
    // Gcore answers `null` for a deployment without keys: that is a list too, the empty one.
    const listed = isRecord(answer) ? (answer.api_keys === null ? [] : answer.api_keys) : undefined;
    const names = keyNames(listed);
    if (!names) return;
    const id = `${project}/${deployment}`;
    this.#lists.delete(id);
    this.#lists.set(id, names);
    const oldest = this.#lists.keys().next().value;
    if (this.#lists.size > REMEMBERED_DEPLOYMENTS && oldest !== undefined) {
      this.#lists.delete(oldest);
    }
  }

  recall(project: string, deployment: string): string[] | undefined {
    return this.#lists.get(`${project}/${deployment}`);
  }
}

export type BindFields = {
  /** The one key the PATCH adds or removes; null when that is not known or not one key. */
  key_name: string | null;
  /** The list sent, which replaces the deployment's whole list. */
  api_keys: string[] | null;
  /** Against the list last read through this server; null when none was. */
  keys_added: string[] | null;
  keys_removed: string[] | null;
};

/** What a deployment PATCH changes, from the list it sends and the list read before it. */
export function bindFields(sent: unknown, before: readonly string[] | undefined): BindFields {
  const apiKeys = keyNames(sent) ?? null;
  if (!apiKeys || !before) {
    return { key_name: null, api_keys: apiKeys, keys_added: null, keys_removed: null };
  }
  const added = apiKeys.filter((name) => !before.includes(name));
  const removed = before.filter((name) => !apiKeys.includes(name));
  const changed = [...added, ...removed];
  return {
    key_name: changed.length === 1 ? (changed[0] ?? null) : null,
    api_keys: apiKeys,
    keys_added: added,
    keys_removed: removed,
  };
}

function keyNames(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .filter((name): name is string => typeof name === 'string')
    .slice(0, MAX_NAMES)
    .map((name) => name.slice(0, 256));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
