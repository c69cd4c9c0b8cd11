import type { Project } from '../src/features/projects/api/project-schemas';
import { KeyOrder, type KeyOrderField } from './key-order';
import { notFoundFailure } from './sandbox-error';
import type { DeploymentRecord, StoredApiKey } from './sandbox-types';
import { generateSeedKeys, SEED_API_KEYS } from './seed-api-keys';
import { SEED_DEPLOYMENTS } from './seed-deployments';
import { SEED_PROJECTS } from './seed-projects';

/** What a PATCH may change on a key; undefined leaves a field as it is. */
export type KeyChange = Partial<
  Pick<StoredApiKey, 'description' | 'expires_at' | 'inference_instance_ids'>
>;

/** The sandbox's in-memory account: projects, deployments and keys, restorable to the seed. */
export class SandboxStore {
  projects: Project[] = [];
  deployments: DeploymentRecord[] = [];
  /** Insertion order is creation order. Changed only through addKey, updateKey and deleteKey. */
  #keys = new Map<string, StoredApiKey>();
  #order = new KeyOrder(() => this.#keys.values());
  /**
   * Project → names of its keys, unique within it (a key's name and project never change): a
   * create checks its name without scanning every key.
   */
  #names = new Map<number, Set<string>>();

  constructor(private readonly seedKeys: number) {
    this.reset();
  }

  /** `seedKeys` overrides, for this reset only, how many generated keys join the seed. */
  reset(seedKeys: number = this.seedKeys): void {
    // Deep copies: a test that mutates state must never change the exported seed constants.
    this.projects = structuredClone([...SEED_PROJECTS]);
    this.deployments = structuredClone([...SEED_DEPLOYMENTS]);
    const keys = [...structuredClone([...SEED_API_KEYS]), ...generateSeedKeys(seedKeys)];
    this.#keys = new Map();
    this.#names = new Map();
    this.#order.clear();
    keys.forEach((key) => this.addKey(key));
  }

  /** Read-only: a key changes through updateKey, which keeps the sorted views in step. */
  get keys(): ReadonlyMap<string, Readonly<StoredApiKey>> {
    return this.#keys;
  }

  addKey(key: StoredApiKey): void {
    this.#keys.set(key.key_id, key);
    let names = this.#names.get(key.project_id);
    if (!names) this.#names.set(key.project_id, (names = new Set()));
    names.add(key.name);
    this.#order.added(key);
  }

  /** Name and project never change; the sorted views follow the rest. */
  updateKey(key: Readonly<StoredApiKey>, change: KeyChange): void {
    const stored = this.#keys.get(key.key_id);
    if (stored !== key) throw new Error(`API key ${key.key_id} is not in the store.`);
    this.#order.changing(stored, () => {
      if (change.description !== undefined) stored.description = change.description;
      if (change.expires_at !== undefined) stored.expires_at = change.expires_at;
      if (change.inference_instance_ids !== undefined) {
        stored.inference_instance_ids = change.inference_instance_ids;
      }
    });
  }

  deleteKey(key: Readonly<StoredApiKey>): void {
    this.#keys.delete(key.key_id);
    this.#names.get(key.project_id)?.delete(key.name);
    this.#order.removed(key);
  }

  /** The project's keys sorted ascending by `field`, ties in creation order; do not modify. */
  keysAscending(projectId: number, field: KeyOrderField): readonly Readonly<StoredApiKey>[] {
    return this.#order.ascending(projectId, field);
  }

  /** Live (not deleted) project by id; undefined/null means the account's default project. */
  requireProject(projectId: number | null | undefined): Project {
    const byDefault = projectId === undefined || projectId === null;
    const project = this.projects.find(
      (p) => p.deleted_at === null && (byDefault ? p.is_default : p.id === projectId),
    );
    if (!project) throw notFoundFailure(`Project ${projectId ?? '(default)'} not found.`);
    return project;
  }

  requireKey(keyId: string): Readonly<StoredApiKey> {
    const key = this.keys.get(keyId.toLowerCase());
    if (!key) throw notFoundFailure(`API key ${keyId} not found.`);
    return key;
  }

  /** Every id that is not a deployment of the project is named in one 404. */
  requireDeployments(projectId: number, ids: readonly string[]): void {
    const missing = ids.filter(
      (id) => !this.deployments.some((d) => d.project_id === projectId && d.instance.id === id),
    );
    if (missing.length > 0) {
      const noun = missing.length === 1 ? 'Deployment' : 'Deployments';
      throw notFoundFailure(`${noun} ${missing.join(', ')} not found in project ${projectId}.`);
    }
  }

  isNameTaken(projectId: number, name: string): boolean {
    return this.#names.get(projectId)?.has(name) ?? false;
  }

  /** A deployment's api_key_ids, derived from the keys so both sides always agree. */
  keyIdsBoundTo(deploymentId: string): string[] {
    return [...this.keys.values()]
      .filter((key) => key.inference_instance_ids.includes(deploymentId))
      .map((key) => key.key_id);
  }
}
