import { createKey, updateKey } from './api-key-writes';
import { pageOf, parsePageQuery, parseProjectId, sortItems } from './list-query';
import { methodNotAllowed } from './method-not-allowed';
import { validationFailure } from './sandbox-error';
import type { RouteDeps, SandboxApp, SandboxContext, StoredApiKey } from './sandbox-types';
import { keyOut } from './serializers';

const KEYS_PATH = '/cloud/v2/inference/api_keys';
const KEY_PATH = `${KEYS_PATH}/:key_id`;
const KEY_ORDER_FIELDS = ['name', 'created_at', 'expires_at'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerApiKeyRoutes(app: SandboxApp, deps: RouteDeps): void {
  app.get(KEYS_PATH, (c) => {
    const query = (name: string) => c.req.query(name);
    const projectId = parseProjectId(query('project_id'));
    const page = parsePageQuery(query, KEY_ORDER_FIELDS, {
      field: 'created_at',
      direction: 'desc',
    });
    const project = deps.store.requireProject(projectId);
    const keys = [...deps.store.keys.values()].filter((k) => k.project_id === project.id);
    // Ties (same second, or no expiry) fall back to creation order.
    const created = new Map(keys.map((k, index) => [k, index]));
    const sorted = sortItems(
      keys,
      page.orderBy,
      (k, field) => k[field],
      (k) => created.get(k) ?? 0,
    );
    const now = deps.now();
    const { count, results } = pageOf(sorted, page);
    return c.json({ count, results: results.map((k) => keyOut(k, now)) }, 200);
  });

  app.post(KEYS_PATH, (c) => c.json(createKey(deps, c.get('body')), 200));
  app.all(KEYS_PATH, methodNotAllowed);

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

function findKey(c: SandboxContext, deps: RouteDeps): StoredApiKey {
  return deps.store.requireKey(keyIdParam(c));
}
