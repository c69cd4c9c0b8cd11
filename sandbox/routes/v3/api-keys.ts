import { randomBytes, randomUUID } from 'node:crypto';
import {
  createApiKeyV3SpecSchema,
  updateApiKeyV3InputSchema,
} from '../../../src/features/api-keys/api/v3/api-key-v3-schemas';
import { expiresAtProblems, parseBody, requireJsonObject } from '../../http/body';
import type { RouteDeps, SandboxApp } from '../../http/context';
import { methodNotAllowed, SandboxError } from '../../http/errors';
import { pageOf } from '../../http/query';
import { isoUtc } from '../v2/serializers';
import { keyParam, pageParams, projectParam } from './params';
import { keyOutV3 } from './serializers';

const KEYS = '/cloud/v3/inference/:project_id/api_keys';
const KEY = `${KEYS}/:api_key_name`;
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** v3 keys: by name within a project, over the same store as v2's. */
export function registerV3ApiKeyRoutes(app: SandboxApp, { store, now }: RouteDeps): void {
  app.get(KEYS, (c) => {
    const projectId = projectParam(c, store);
    // Decision: oldest first (creation order); the client sorts for display.
    const { count, results } = pageOf(store.keysOf(projectId), pageParams(c, 100));
    return c.json({ count, results: results.map((key) => keyOutV3(store, key)) }, 200);
  });
  app.post(KEYS, (c) => {
    const projectId = projectParam(c, store);
    const input = requireJsonObject(c.get('body'));
    const at = now();
    const data = parseBody(createApiKeyV3SpecSchema, input, {
      ...unknownFields(input, ['name', 'description', 'expires_at']),
      ...expiresAtProblems(input, at),
    });
    if (store.isNameTaken(projectId, data.name)) {
      throw new SandboxError(
        409,
        'ConflictError',
        `API key already exists: the name "${data.name}" is taken in project ${projectId}.`,
      );
    }
    const key = {
      key_id: randomUUID(),
      name: data.name,
      description: data.description ?? null,
      created_at: isoUtc(Math.floor(at.getTime() / 1000) * 1000),
      expires_at: data.expires_at
        ? isoUtc(Math.floor(Date.parse(data.expires_at) / 1000) * 1000)
        : null,
      project_id: projectId,
    };
    store.keys.set(key.key_id, key);
    return c.json({ ...keyOutV3(store, key), secret: newSecret() }, 200);
  });
  app.all(KEYS, methodNotAllowed);

  app.get(KEY, (c) => c.json(keyOutV3(store, keyParam(c, store, projectParam(c, store))), 200));
  app.patch(KEY, (c) => {
    const key = keyParam(c, store, projectParam(c, store));
    const input = requireJsonObject(c.get('body'));
    const extra = unknownFields(input, ['description']);
    for (const fixed of ['name', 'expires_at'] as const) {
      if (fixed in input) extra[fixed] = ['This field cannot be changed.'];
    }
    const data = parseBody(updateApiKeyV3InputSchema, input, extra);
    if (data.description !== undefined) key.description = data.description;
    return c.json(keyOutV3(store, key), 200);
  });
  app.delete(KEY, (c) => {
    const key = keyParam(c, store, projectParam(c, store));
    const attached = keyOutV3(store, key).deployment_names;
    if (attached.length > 0) {
      throw new SandboxError(
        409,
        'ConflictError',
        `API key ${key.name} is attached to ${attached.join(', ')}: detach it before deleting it.`,
      );
    }
    store.deleteKey(key);
    return c.body(null, 204);
  });
  app.all(KEY, methodNotAllowed);
}

/** Decision: a field the spec does not list (a v2 leftover) is a 400 naming it. */
export function unknownFields(input: Record<string, unknown>, known: readonly string[]) {
  const invalid: Record<string, string[]> = {};
  for (const field of Object.keys(input)) {
    if (!known.includes(field)) invalid[field] = ['Unknown field.'];
  }
  return invalid;
}

/** Opaque and alphanumeric, like Gcore's example; never stored. */
function newSecret(): string {
  return [...randomBytes(32)].map((byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');
}
