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
  /** The deployment's list as last read through this server; null when none was. */
  keys_before: string[] | null;
  /** The list sent, which replaces the deployment's whole list; null when no list was read. */
  keys_after: string[] | null;
  /** Against `keys_before`; null when it is not known. */
  keys_added: string[] | null;
  keys_removed: string[] | null;
  /**
   * An empty list makes the deployment answer anyone, no key needed: `off` says so in the line
   * itself, so an alert can match on it without comparing lists.
   */
  auth: 'on' | 'off' | null;
};

/** What a deployment PATCH changes, from the list it sends and the list read before it. */
export function bindFields(sent: unknown, before: readonly string[] | undefined): BindFields {
  const after = keyNames(sent) ?? null;
  const auth = after === null ? null : after.length === 0 ? 'off' : 'on';
  const keysBefore = before ? [...before] : null;
  if (!after || !before) {
    return {
      key_name: null,
      keys_before: keysBefore,
      keys_after: after,
      keys_added: null,
      keys_removed: null,
      auth,
    };
  }
  const added = after.filter((name) => !before.includes(name));
  const removed = before.filter((name) => !after.includes(name));
  const changed = [...added, ...removed];
  return {
    key_name: changed.length === 1 ? (changed[0] ?? null) : null,
    keys_before: keysBefore,
    keys_after: after,
    keys_added: added,
    keys_removed: removed,
    auth,
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
