import { randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import {
  type ApiKeyV3,
  apiKeyV3Schema,
  createApiKeyV3SpecSchema,
  updateApiKeyV3InputShape,
} from '../../../src/features/api-keys/api/v3/api-key-v3-schemas';
import { expiresAtProblems, parseBody } from '../../http/body';
import type { RouteDeps, SandboxApp, SandboxContext } from '../../http/context';
import { methodNotAllowed, notFound, SandboxError, validationFailure } from '../../http/errors';
import { projectParam, unsortedPage } from '../../http/query';
import type { SandboxStore } from '../../store/store';
import { isoUtc, wholeSeconds } from '../../store/timestamps';
import type { StoredApiKey } from '../../store/types';

const KEYS = '/cloud/v3/inference/:project_id/api_keys';
const KEY = `${KEYS}/:api_key_name`;
/** The spec's `api_key_name` path pattern: no dots, at least 4 characters. */
const KEY_NAME_IN_PATH = /^[a-z0-9][-a-z0-9]{2,}[a-z0-9]$/;
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// A key's name and expiry are fixed at creation: say so, rather than "unknown field".
const FIXED = z.optional(z.never({ error: 'This field cannot be changed.' }));
const updateSpecSchema = z.strictObject({
  ...updateApiKeyV3InputShape(),
  name: FIXED,
  expires_at: FIXED,
});

/** v3 keys: by name within a project, over the same store as v2's. */
export function registerV3ApiKeyRoutes(app: SandboxApp, { store, now }: RouteDeps): void {
  const keyOf = (c: SandboxContext) => {
    const projectId = projectParam(c, store);
    const name = c.req.param('api_key_name') ?? '';
    if (!KEY_NAME_IN_PATH.test(name)) {
      const rule = 'Use at least 4 lower-case letters, digits and hyphens (no dots).';
      throw validationFailure({ api_key_name: [rule] });
    }
    const key = store.keyNamed(projectId, name);
    if (!key) throw notFound(`API key ${name}`, projectId);
    return key;
  };

  app.get(KEYS, (c) => {
    const projectId = projectParam(c, store);
    // Decision: oldest first (creation order); the client sorts for display.
    const { count, results } = unsortedPage(c, 100, store.keysOf(projectId));
    return c.json({ count, results: results.map((key) => keyOutV3(store, key)) }, 200);
  });
  app.post(KEYS, (c) => {
    const projectId = projectParam(c, store);
    const at = now();
    const data = parseBody(createApiKeyV3SpecSchema, c.get('body'), (input) =>
      expiresAtProblems(input, at),
    );
    const expiresAt = data.expires_at ? isoUtc(wholeSeconds(Date.parse(data.expires_at))) : null;
    const key = store.addKey(projectId, { ...data, expires_at: expiresAt }, at);
    return c.json({ ...keyOutV3(store, key), secret: newSecret() }, 200);
  });
  app.all(KEYS, methodNotAllowed);

  app.get(KEY, (c) => c.json(keyOutV3(store, keyOf(c)), 200));
  app.patch(KEY, (c) => {
    const key = keyOf(c);
    const data = parseBody(updateSpecSchema, c.get('body'));
    if (data.description !== undefined) key.description = data.description;
    return c.json(keyOutV3(store, key), 200);
  });
  app.delete(KEY, (c) => {
    const key = keyOf(c);
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

/** A key as v3 shows it (the contract's fields only); the deployments it serves by name. */
function keyOutV3(store: SandboxStore, key: StoredApiKey): ApiKeyV3 {
  const names = store
    .boundTo('keyId', key.key_id)
    .flatMap((id) => store.deployments.find((d) => d.instance.id === id)?.instance.name ?? []);
  return apiKeyV3Schema.parse({ ...key, deployment_names: names.sort() });
}

/** Opaque and alphanumeric, like Gcore's example; never stored. */
function newSecret(): string {
  return [...randomBytes(32)].map((byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');
}
