import { randomBytes } from 'node:crypto';
import {
  createApiKeyInputSchema,
  type CreatedApiKey,
  updateApiKeyInputSchema,
} from '../../../src/features/api-keys/api/api-key-schemas';
import { expiresAtProblems, parseBody } from '../../http/body';
import type { ParsedBody, RouteDeps } from '../../http/context';
import { notFound } from '../../http/errors';
import { isoUtc, wholeSeconds } from '../../store/timestamps';
import { storedKeyOut } from './serializers';

export function createKey({ store, now: clock }: RouteDeps, body: ParsedBody): CreatedApiKey {
  const now = clock();
  const data = parseBody(createApiKeyInputSchema, body, (input) => expiresAtProblems(input, now));
  const project = store.requireProject(data.project_id);
  const deploymentIds = unique(data.inference_instance_ids ?? []);
  store.requireDeployments(project.id, deploymentIds);
  const key = store.addKey({
    name: data.name,
    description: data.description ?? null,
    created_at: isoUtc(wholeSeconds(now.getTime())),
    expires_at: data.expires_at ? isoUtc(Date.parse(data.expires_at)) : null,
    project_id: project.id,
  });
  store.bind('keyId', key.key_id, deploymentIds);
  // 32 random bytes, URL-safe: the secret exists only in this response, never in the store.
  return { ...storedKeyOut(store, key, now), secret: randomBytes(32).toString('base64url') };
}

export function updateKey({ store, now: clock }: RouteDeps, keyId: string, body: ParsedBody) {
  const now = clock();
  const data = parseBody(updateApiKeyInputSchema, body, (input) => ({
    ...expiresAtProblems(input, now),
    ...(input.name === undefined ? {} : { name: ['Name cannot be changed.'] }),
  }));
  const key = store.requireKey(keyId);
  // project_id in a PATCH scopes the lookup: a key is never moved between projects.
  if (data.project_id !== undefined && data.project_id !== null) {
    store.requireProject(data.project_id);
    if (data.project_id !== key.project_id) {
      throw notFound(`API key ${keyId}`, data.project_id);
    }
  }
  // null and omitted both leave the bindings alone (the spec's default); [] unbinds everything.
  const deploymentIds = data.inference_instance_ids ? unique(data.inference_instance_ids) : null;
  if (deploymentIds) store.requireDeployments(key.project_id, deploymentIds);

  // Every check is done: the change lands whole or not at all.
  if (data.description !== undefined) key.description = data.description;
  if (data.expires_at !== undefined) {
    key.expires_at = data.expires_at === null ? null : isoUtc(Date.parse(data.expires_at));
  }
  if (deploymentIds) store.bind('keyId', key.key_id, deploymentIds);
  return storedKeyOut(store, key, now);
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}
