import { randomUUID } from 'node:crypto';
import {
  createApiKeyInputSchema,
  type CreatedApiKey,
  updateApiKeyInputSchema,
} from '../src/features/api-keys/api/api-key-schemas';
import { randomText } from './random-pool';
import { SandboxError } from './sandbox-error';
import type { ParsedBody, RouteDeps, StoredApiKey } from './sandbox-types';
import { isoUtc, isoUtcSeconds, keyOut } from './serializers';
import { expiresAtProblems, parseBody, requireJsonObject } from './validate-body';

export function createKey(deps: RouteDeps, body: ParsedBody): CreatedApiKey {
  const now = deps.now();
  const input = requireJsonObject(body);
  const data = parseBody(createApiKeyInputSchema, input, expiresAtProblems(input, now));
  const project = deps.store.requireProject(data.project_id);
  const deploymentIds = unique(data.inference_instance_ids ?? []);
  deps.store.requireDeployments(project.id, deploymentIds);
  if (deps.store.isNameTaken(project.id, data.name)) {
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
    created_at: isoUtcSeconds(now),
    expires_at: data.expires_at ? isoUtc(Date.parse(data.expires_at)) : null,
    inference_instance_ids: deploymentIds,
    project_id: project.id,
  };
  deps.store.addKey(key);
  // 32 random bytes, URL-safe: the secret exists only in this response, never in the store.
  return { ...keyOut(key, now), secret: randomText(32, 'base64url') };
}

export function updateKey(
  deps: RouteDeps,
  keyId: string,
  body: ParsedBody,
): Readonly<StoredApiKey> {
  const now = deps.now();
  const input = requireJsonObject(body);
  const extra = expiresAtProblems(input, now);
  if (input.name !== undefined) extra.name = ['Name cannot be changed.'];
  const data = parseBody(updateApiKeyInputSchema, input, extra);
  const key = deps.store.requireKey(keyId);
  // project_id in a PATCH scopes the lookup: a key is never moved between projects.
  if (data.project_id !== undefined && data.project_id !== null) {
    deps.store.requireProject(data.project_id);
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
  if (deploymentIds) deps.store.requireDeployments(key.project_id, deploymentIds);

  deps.store.updateKey(key, {
    description: data.description,
    expires_at:
      typeof data.expires_at === 'string' ? isoUtc(Date.parse(data.expires_at)) : data.expires_at,
    inference_instance_ids: deploymentIds ?? undefined,
  });
  return key;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}
