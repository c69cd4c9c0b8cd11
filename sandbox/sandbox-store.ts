import type { Project } from '../src/features/projects/api/project-schemas';
import { notFoundFailure } from './sandbox-error';
import type { DeploymentRecord, StoredApiKey } from './sandbox-types';
import { generateSeedKeys, SEED_API_KEYS } from './seed-api-keys';
import { SEED_DEPLOYMENTS } from './seed-deployments';
import { SEED_PROJECTS } from './seed-projects';

/** The sandbox's in-memory account: projects, deployments and keys, restorable to the seed. */
export class SandboxStore {
  projects: Project[] = [];
  deployments: DeploymentRecord[] = [];
  /** Insertion order is creation order. Changed only through addKey and deleteKey. */
  #keys = new Map<string, StoredApiKey>();
  /** Project and name of every key: a create checks its name without scanning every key. */
  #names = new Set<string>();

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
    this.#names = new Set();
    keys.forEach((key) => this.addKey(key));
  }

  get keys(): ReadonlyMap<string, StoredApiKey> {
    return this.#keys;
  }

  addKey(key: StoredApiKey): void {
    this.#keys.set(key.key_id, key);
    this.#names.add(nameEntry(key.project_id, key.name));
  }

  deleteKey(key: StoredApiKey): void {
    this.#keys.delete(key.key_id);
    this.#names.delete(nameEntry(key.project_id, key.name));
  }

  /** Live (not deleted) project by id; undefined/null means the account's default project. */
  requireProject(projectId: number | null | undefined): Project {
    const live = this.projects.filter((p) => p.deleted_at === null);
    const project =
      projectId === undefined || projectId === null
        ? live.find((p) => p.is_default)
        : live.find((p) => p.id === projectId);
    if (!project) throw notFoundFailure(`Project ${projectId ?? '(default)'} not found.`);
    return project;
  }

  requireKey(keyId: string): StoredApiKey {
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
    return this.#names.has(nameEntry(projectId, name));
  }

  /** A deployment's api_key_ids, derived from the keys so both sides always agree. */
  keyIdsBoundTo(deploymentId: string): string[] {
    return [...this.keys.values()]
      .filter((key) => key.inference_instance_ids.includes(deploymentId))
      .map((key) => key.key_id);
  }
}

/** A name is unique within its project (a key's name and project never change). */
function nameEntry(projectId: number, name: string): string {
  return `${projectId}/${name}`;
}
