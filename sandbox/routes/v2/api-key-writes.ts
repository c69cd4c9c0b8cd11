import { randomBytes, randomUUID } from 'node:crypto';
import {
  createApiKeyInputSchema,
  type CreatedApiKey,
  updateApiKeyInputSchema,
} from '../../../src/features/api-keys/api/api-key-schemas';
import { expiresAtProblems, parseBody, requireJsonObject } from '../../http/body';
import type { ParsedBody, RouteDeps } from '../../http/context';
import { SandboxError } from '../../http/errors';
import type { StoredApiKey } from '../../store/types';
import { isoUtc, storedKeyOut } from './serializers';

export function createKey({ store, now: clock }: RouteDeps, body: ParsedBody): CreatedApiKey {
  const now = clock();
  const input = requireJsonObject(body);
  const data = parseBody(createApiKeyInputSchema, input, expiresAtProblems(input, now));
  const project = store.requireProject(data.project_id);
  const deploymentIds = unique(data.inference_instance_ids ?? []);
  store.requireDeployments(project.id, deploymentIds);
  if (store.isNameTaken(project.id, data.name)) {
    throw new SandboxError(
      409,
      'ConflictError',
      `API key already exists: the name "${data.name}" is taken in project ${project.id}.`,
    );
  }
  const key: StoredApiKey = {
    key_id: randomUUID(),
    name: data.name,
    description: data.description ?? null,
    // Gcore's timestamps: UTC, whole seconds, `Z`.
    created_at: `${now.toISOString().slice(0, -5)}Z`,
    expires_at: data.expires_at ? isoUtc(Date.parse(data.expires_at)) : null,
    project_id: project.id,
  };
  store.keys.set(key.key_id, key);
  store.bind('keyId', key.key_id, deploymentIds);
  // 32 random bytes, URL-safe: the secret exists only in this response, never in the store.
  return { ...storedKeyOut(store, key, now), secret: randomBytes(32).toString('base64url') };
}

export function updateKey({ store, now: clock }: RouteDeps, keyId: string, body: ParsedBody) {
  const now = clock();
  const input = requireJsonObject(body);
  const extra = expiresAtProblems(input, now);
  if (input.name !== undefined) extra.name = ['Name cannot be changed.'];
  const data = parseBody(updateApiKeyInputSchema, input, extra);
  const key = store.requireKey(keyId);
  // project_id in a PATCH scopes the lookup: a key is never moved between projects.
  if (data.project_id !== undefined && data.project_id !== null) {
    store.requireProject(data.project_id);
    if (data.project_id !== key.project_id) {
      throw new SandboxError(
        404,
        'NotFoundError',
        `API key ${keyId} not found in project ${data.project_id}.`,
      );
    }
  }
  // null and omitted both leave the bindings alone (the spec's default for the field is null);
  // [] unbinds everything.
  const deploymentIds = data.inference_instance_ids ? unique(data.inference_instance_ids) : null;
  if (deploymentIds) store.requireDeployments(key.project_id, deploymentIds);

  // Every check is done: the change lands whole or not at all.
  if (data.description !== undefined) key.description = data.description;
  if (typeof data.expires_at === 'string') key.expires_at = isoUtc(Date.parse(data.expires_at));
  if (data.expires_at === null) key.expires_at = null;
  if (deploymentIds) store.bind('keyId', key.key_id, deploymentIds);
  return storedKeyOut(store, key, now);
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}
