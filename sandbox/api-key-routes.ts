import { API_KEYS_PATH } from '../src/features/api-keys/api/api-key-schemas';
import { listKeysJson } from './api-key-reads';
import { createKey, updateKey } from './api-key-writes';
import { methodNotAllowed } from './method-not-allowed';
import { validationFailure } from './sandbox-error';
import type { RouteDeps, SandboxApp, SandboxContext, StoredApiKey } from './sandbox-types';
import { keyOut } from './serializers';

const KEY_PATH = `${API_KEYS_PATH}/:key_id`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerApiKeyRoutes(app: SandboxApp, deps: RouteDeps): void {
  app.get(API_KEYS_PATH, (c) => {
    const json = listKeysJson(deps, (name) => c.req.query(name));
    // Already JSON: sent with the header c.json would give it.
    return c.body(json, 200, { 'Content-Type': 'application/json' });
  });

  app.post(API_KEYS_PATH, (c) => c.json(createKey(deps, c.get('body')), 200));
  app.all(API_KEYS_PATH, methodNotAllowed);

  app.get(KEY_PATH, (c) => c.json(keyOut(findKey(c, deps), deps.now()), 200));

  app.patch(KEY_PATH, (c) => {
    const key = updateKey(deps, keyIdParam(c), c.get('body'));
    return c.json(keyOut(key, deps.now()), 200);
  });

  app.delete(KEY_PATH, (c) => {
    const key = findKey(c, deps);
    deps.store.deleteKey(key);
    return c.body(null, 204);
  });
  app.all(KEY_PATH, methodNotAllowed);
}

function keyIdParam(c: SandboxContext): string {
  const keyId = c.req.param('key_id') ?? '';
  if (!UUID.test(keyId)) throw validationFailure({ key_id: ['Not a valid UUID.'] });
  return keyId;
}

function findKey(c: SandboxContext, deps: RouteDeps): Readonly<StoredApiKey> {
  return deps.store.requireKey(keyIdParam(c));
}
