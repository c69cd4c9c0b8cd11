import { randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import {
  createApiKeyV3SpecSchema,
  updateApiKeyV3InputSchema,
} from '../../../src/features/api-keys/api/v3/api-key-v3-schemas';
import { expiresAtProblems, parseBody } from '../../http/body';
import type { RouteDeps, SandboxApp } from '../../http/context';
import { type InvalidFields, methodNotAllowed, SandboxError } from '../../http/errors';
import { pageOf, readPage, refuseInvalid } from '../../http/query';
import { isoUtc, wholeSeconds } from '../../store/timestamps';
import { keyParam, projectParam } from './params';
import { keyOutV3 } from './serializers';

const KEYS = '/cloud/v3/inference/:project_id/api_keys';
const KEY = `${KEYS}/:api_key_name`;
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// A key's name and expiry are fixed at creation: say so, rather than "unknown field".
const FIXED = z.optional(z.never({ error: 'This field cannot be changed.' }));
const updateSpecSchema = z.extend(updateApiKeyV3InputSchema, { name: FIXED, expires_at: FIXED });

/** v3 keys: by name within a project, over the same store as v2's. */
export function registerV3ApiKeyRoutes(app: SandboxApp, { store, now }: RouteDeps): void {
  app.get(KEYS, (c) => {
    const projectId = projectParam(c, store);
    const invalid: InvalidFields = {};
    const page = readPage((name) => c.req.query(name), 100, invalid);
    refuseInvalid(invalid);
    // Decision: oldest first (creation order); the client sorts for display.
    const { count, results } = pageOf(store.keysOf(projectId), page);
    return c.json({ count, results: results.map((key) => keyOutV3(store, key)) }, 200);
  });
  app.post(KEYS, (c) => {
    const projectId = projectParam(c, store);
    const at = now();
    const data = parseBody(createApiKeyV3SpecSchema, c.get('body'), (input) =>
      expiresAtProblems(input, at),
    );
    const key = store.addKey({
      name: data.name,
      description: data.description ?? null,
      created_at: isoUtc(wholeSeconds(at.getTime())),
      expires_at: data.expires_at ? isoUtc(wholeSeconds(Date.parse(data.expires_at))) : null,
      project_id: projectId,
    });
    return c.json({ ...keyOutV3(store, key), secret: newSecret() }, 200);
  });
  app.all(KEYS, methodNotAllowed);

  app.get(KEY, (c) => c.json(keyOutV3(store, keyParam(c, store, projectParam(c, store))), 200));
  app.patch(KEY, (c) => {
    const key = keyParam(c, store, projectParam(c, store));
    const data = parseBody(updateSpecSchema, c.get('body'));
    if (data.description !== undefined) key.description = data.description;
    return c.json(keyOutV3(store, key), 200);
  });
  app.delete(KEY, (c) => {
    const key = keyParam(c, store, projectParam(c, store));
    const attached = keyOutV3(store, key).deployment_names;
    if (attached.length > 0) {
      const message = `API key ${key.name} is attached to ${attached.join(', ')}`;
      throw new SandboxError(409, `${message}: detach it before deleting it.`);
    }
    store.deleteKey(key);
    return c.body(null, 204);
  });
  app.all(KEY, methodNotAllowed);
}

/** Opaque and alphanumeric, like Gcore's example; never stored. */
function newSecret(): string {
  return [...randomBytes(32)].map((byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');
}
