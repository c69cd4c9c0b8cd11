import type { ListOf } from '../../../lib/list-schema';
import type { DeploymentRecord } from '../../deployments/api/deployment-record';
import type { StartRetireInput } from '../../jobs/api/job-contract';

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

export type NewKey = {
  name: string;
  description: string | null;
  /** UTC ISO 8601 with `Z`, or null for a key that never expires. */
  expiresAt: string | null;
  deploymentRefs: string[];
};

/**
 * What a field error can be about, in the model's words: each adapter renames its API's field
 * errors to these, so nothing past the adapter knows a wire name.
 */
export type KeyField = keyof NewKey | 'projectId';

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
  /**
   * Whether any of the generation's work runs as jobs on the app's server (v3's bindings and its
   * detach and delete; a rotation's retirement on both): where none can, the page never asks
   * the server for them.
   */
  jobsOnServer: boolean;
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

/**
 * What saving an edit takes: the key's own changes (only what the generation changes on the key),
 * then the deployments a job attaches it to and detaches it from, attaches first.
 */
export type EditPlan = { keyChanges: KeyChanges; attach: string[]; detach: string[] };

/** How a key is deleted: detached from its deployments first where the API insists. */
export type DeletePlan = {
  detachFirst: boolean;
  /** A 409 may mean a deployment took the key meanwhile: re-read it and offer to detach. */
  rereadOnConflict: boolean;
};

/**
 * When a rotation's old key retires: after `afterJob` (the new key's bind job, where one runs)
 * and not before `runAfter` (UTC ISO 8601; null holds it until someone says "Retire now").
 */
export type RetirePlan = { afterJob: string | null; runAfter: string | null };

export type ListPage = { limit: number; offset: number; orderBy?: string };

export type KeysAdapter = {
  capabilities: GenerationCapabilities;
  listKeyPage: (
    projectId: number,
    page: ListPage,
    signal?: AbortSignal,
  ) => Promise<ListOf<KeyRecord>>;
  getKey: (projectId: number, id: string, signal?: AbortSignal) => Promise<KeyRecord>;
  /**
   * Creates the key. `pendingBindings`: the chosen deployments the call did not bind, for a job
   * to bind once the secret is on screen (all of them on v3, none on v2).
   */
  createKey: (
    projectId: number,
    key: NewKey,
    signal?: AbortSignal,
  ) => Promise<{ key: KeyRecord; secret: string; pendingBindings: string[] }>;
  /** `edit` holds what the user changed; the plan, what this generation sends for it and how. */
  planEdit: (key: KeyRecord, edit: KeyChanges) => EditPlan;
  updateKey: (projectId: number, id: string, changes: KeyChanges) => Promise<KeyRecord>;
  planDelete: (key: KeyRecord) => DeletePlan;
  /** 'already-gone' when the API says 404: either way the key is gone. */
  deleteKey: (projectId: number, id: string) => Promise<'deleted' | 'already-gone'>;
  listDeployments: (projectId: number, signal?: AbortSignal) => Promise<DeploymentRecord[]>;
  /** The retire job a rotation posts once `newKey` exists: how this generation names both keys. */
  retireInput: (
    projectId: number,
    oldKey: KeyRecord,
    newKey: KeyRecord,
    plan: RetirePlan,
  ) => StartRetireInput;
};
