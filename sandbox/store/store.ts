import { randomUUID } from 'node:crypto';
import type { Project } from '../../src/features/projects/api/project-schemas';
import { notFound, SandboxError } from '../http/errors';
import { generateSeedKeys, SEED_API_KEYS } from '../seed/api-keys';
import { type DeploymentRecord, SEED_DEPLOYMENTS } from '../seed/deployments';
import { SEED_PROJECTS } from '../seed/projects';
import { isoUtc, wholeSeconds } from './timestamps';
import type { Binding, StoredApiKey } from './types';

/** The in-memory account, restorable to the seed. It speaks no API generation: routes do. */
export class SandboxStore {
  projects: Project[] = [];
  deployments: DeploymentRecord[] = [];
  /** By key_id; insertion order is creation order. */
  readonly keys = new Map<string, StoredApiKey>();
  /** One relation read from either side, by ids (v2) or names (v3), each side in write order. */
  #bindings: Binding[] = [];

  constructor(private readonly seedKeys: number) {
    this.reset();
  }

  /** `seedKeys` overrides, for this reset only, how many generated keys join the seed. */
  reset(seedKeys: number = this.seedKeys): void {
    // Deep copies: a test that mutates state must never change the exported seed constants.
    this.projects = structuredClone([...SEED_PROJECTS]);
    this.deployments = structuredClone([...SEED_DEPLOYMENTS]);
    this.keys.clear();
    this.#bindings = [];
    const seed = [...SEED_API_KEYS, ...generateSeedKeys(seedKeys)];
    for (const { inference_instance_ids, ...key } of seed) {
      this.keys.set(key.key_id, { ...key });
      this.bind('keyId', key.key_id, inference_instance_ids);
    }
  }

  /** The project's keys in creation order. */
  keysOf(projectId: number): StoredApiKey[] {
    return [...this.keys.values()].filter((key) => key.project_id === projectId);
  }

  deleteKey(key: StoredApiKey): void {
    this.keys.delete(key.key_id);
    this.#bindings = this.#bindings.filter((b) => b.keyId !== key.key_id);
  }

  /** The ids on the other side of the relation from `id`, in the order they were bound. */
  boundTo(side: keyof Binding, id: string): string[] {
    const other = side === 'keyId' ? 'deploymentId' : 'keyId';
    return this.#bindings.filter((b) => b[side] === id).map((b) => b[other]);
  }

  /** Replaces every binding of `id` (a key or a deployment) with bindings to `others`. */
  bind(side: keyof Binding, id: string, others: readonly string[]): void {
    const added = others.map((other) =>
      side === 'keyId' ? { keyId: id, deploymentId: other } : { keyId: other, deploymentId: id },
    );
    this.#bindings = this.#bindings.filter((b) => b[side] !== id).concat(added);
  }

  /** Live (not deleted) project by id; undefined/null means the account's default project. */
  requireProject(projectId: number | null | undefined): Project {
    const byDefault = projectId === undefined || projectId === null;
    const project = this.projects.find(
      (p) => p.deleted_at === null && (byDefault ? p.is_default : p.id === projectId),
    );
    if (!project) throw notFound(`Project ${projectId ?? '(default)'}`);
    return project;
  }

  requireKey(keyId: string): StoredApiKey {
    const key = this.keys.get(keyId.toLowerCase());
    if (!key) throw notFound(`API key ${keyId}`);
    return key;
  }

  /** Every id that is not a deployment of the project is named in one 404. */
  requireDeployments(projectId: number, ids: readonly string[]): void {
    const missing = ids.filter(
      (id) => !this.deployments.some((d) => d.project_id === projectId && d.instance.id === id),
    );
    if (missing.length > 0) {
      const noun = missing.length === 1 ? 'Deployment' : 'Deployments';
      throw notFound(`${noun} ${missing.join(', ')}`, projectId);
    }
  }

  /** A project's key by name (v3's address for it). */
  keyNamed(projectId: number, name: string): StoredApiKey | undefined {
    return this.keysOf(projectId).find((key) => key.name === name);
  }

  /** Stores a key created `now`; a name its project already has is a 409, in either generation. */
  addKey(project_id: number, fields: NewKey, now: Date): StoredApiKey {
    const { name, description = null, expires_at } = fields;
    if (this.keyNamed(project_id, name)) {
      const message = `the name "${name}" is taken in project ${project_id}`;
      throw new SandboxError(409, `API key already exists: ${message}.`);
    }
    const created_at = isoUtc(wholeSeconds(now.getTime()));
    const key = { key_id: randomUUID(), name, description, created_at, expires_at, project_id };
    this.keys.set(key.key_id, key);
    return key;
  }
}

/** A key as a create call gives it, its expiry already in the generation's own format. */
type NewKey = Pick<StoredApiKey, 'name' | 'expires_at'> & { description?: string | null };
