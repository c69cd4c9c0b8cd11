import { API_KEYS_PATH } from '../../../src/features/api-keys/api/api-key-schemas';
import type { RouteDeps, SandboxApp, SandboxContext } from '../../http/context';
import { methodNotAllowed, validationFailure } from '../../http/errors';
import { CREATED_DESC, pageOf, parsePageQuery, projectIdOf, sortItems } from '../../http/query';
import { createKey, updateKey } from './api-key-writes';
import { storedKeyOut } from './serializers';

/** The spec's ApiKeyOrderByChoices. */
const KEY_ORDER_FIELDS = ['name', 'created_at', 'expires_at'] as const;
const KEY_PATH = `${API_KEYS_PATH}/:key_id`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** v2 keys: addressed by key_id, project optional (the default project when absent). */
export function registerV2ApiKeyRoutes(app: SandboxApp, deps: RouteDeps): void {
  const { store, now } = deps;

  app.get(API_KEYS_PATH, (c) => {
    const query = (name: string) => c.req.query(name);
    const projectId = projectIdOf(query('project_id'));
    const page = parsePageQuery(query, KEY_ORDER_FIELDS, CREATED_DESC);
    const keys = store.keysOf(store.requireProject(projectId).id);
    const created = new Map(keys.map((key, index) => [key, index]));
    const sorted = sortItems(keys, page.orderBy, (k, f) => [k[f], created.get(k) ?? 0]);
    const { count, results } = pageOf(sorted, page);
    const at = now();
    return c.json({ count, results: results.map((key) => storedKeyOut(store, key, at)) }, 200);
  });
  app.post(API_KEYS_PATH, (c) => c.json(createKey(deps, c.get('body')), 200));
  app.all(API_KEYS_PATH, methodNotAllowed);

  const keyOf = (c: SandboxContext) => store.requireKey(keyIdParam(c));
  app.get(KEY_PATH, (c) => c.json(storedKeyOut(store, keyOf(c), now()), 200));
  app.patch(KEY_PATH, (c) => c.json(updateKey(deps, keyIdParam(c), c.get('body')), 200));
  app.delete(KEY_PATH, (c) => {
    store.deleteKey(keyOf(c));
    return c.body(null, 204);
  });
  app.all(KEY_PATH, methodNotAllowed);
}

function keyIdParam(c: SandboxContext): string {
  const keyId = c.req.param('key_id') ?? '';
  if (!UUID.test(keyId)) throw validationFailure({ key_id: ['Not a valid UUID.'] });
  return keyId;
}
