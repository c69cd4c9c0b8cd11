import type { ListOf } from '../../../lib/list-schema';

/**
 * The one model of a key and a deployment the UI speaks, whatever Gcore generation serves it.
 * Each generation's adapter (v2/, v3/) maps its own contract onto it; components never see the
 * difference except through `GenerationCapabilities`.
 */
export type KeyRecord = {
  /** What addresses the key in the API: v2's `key_id`, v3's name. */
  id: string;
  name: string;
  description: string | null;
  createdAt: string;
  expiresAt: string | null;
  /** The deployments the key serves, as `DeploymentRecord.ref`s. */
  deploymentRefs: string[];
  /** The API's own status word (v2); v3 has none, and "expired" is derived from `expiresAt`. */
  status: string | null;
};

export type DeploymentRecord = {
  /** What addresses the deployment: v2's id (UUID), v3's name. */
  ref: string;
  name: string;
  status: string;
  address: string | null;
  /** The keys bound to it, as `KeyRecord.id`s. */
  keyRefs: string[];
  /** Whether callers must send a key, as the API reports it; false: anyone who reaches it gets in. */
  authEnabled: boolean;
};

export type NewKey = {
  name: string;
  description: string | null;
  /** UTC ISO 8601 with `Z`, or null for a key that never expires. */
  expiresAt: string | null;
  deploymentRefs: string[];
};

/** Only what changes; an omitted field is left as it is. */
export type KeyChanges = {
  description?: string | null;
  expiresAt?: string | null;
  deploymentRefs?: string[];
};

export type GenerationCapabilities = {
  generation: 'v2' | 'v3';
  /** v3 fixes the expiry at creation. */
  expiryEditable: boolean;
  /** v2 sorts on the server; v3 has no order or filter, so lists are fetched whole. */
  serverSort: boolean;
  /** v3 binds by patching each deployment and waiting for its tasks; v2 inside the key call. */
  bindingByTask: boolean;
  /**
   * Binding a key to a deployment whose authentication is off turns it on, and removing its last
   * key turns it off: the forms warn of both (docs/api-generations.md, for each generation's why).
   */
  bindingTurnsAuthOn: boolean;
  /** Why a name is refused, in words a user can act on; null when it is valid. */
  describeNameProblem: (name: string) => string | null;
  /** The naming rule in one line, for the field's hint. */
  nameHint: string;
  descriptionMaxLength: number | null;
};

export type ListPage = { limit: number; offset: number; orderBy?: string };

export type KeysAdapter = {
  capabilities: GenerationCapabilities;
  listKeyPage: (
    projectId: number,
    page: ListPage,
    signal?: AbortSignal,
  ) => Promise<ListOf<KeyRecord>>;
  getKey: (projectId: number, id: string, signal?: AbortSignal) => Promise<KeyRecord>;
  /** Creates the key. On v3 the bindings are not made here: a job on the server makes them. */
  createKey: (
    projectId: number,
    key: NewKey,
    signal?: AbortSignal,
  ) => Promise<{ key: KeyRecord; secret: string }>;
  updateKey: (projectId: number, id: string, changes: KeyChanges) => Promise<KeyRecord>;
  /** 'already-gone' when the API says 404: either way the key is gone. */
  deleteKey: (projectId: number, id: string) => Promise<'deleted' | 'already-gone'>;
  listDeployments: (projectId: number, signal?: AbortSignal) => Promise<DeploymentRecord[]>;
};
