import { randomBytes } from 'node:crypto';
import {
  API_KEYS_PATH,
  createApiKeyInputSchema,
  updateApiKeyInputSchema,
} from '../../../src/features/api-keys/api/api-key-schemas';
import { expiresAtProblems, parseBody } from '../../http/body';
import type { RouteDeps, SandboxApp, SandboxContext } from '../../http/context';
import { methodNotAllowed, notFound, validationFailure } from '../../http/errors';
import { CREATED_DESC, parsePageQuery, projectIdOf, sortedPage } from '../../http/query';
import { isoUtc } from '../../store/timestamps';
import { storedKeyOut } from './serializers';

/** The spec's ApiKeyOrderByChoices. */
const KEY_ORDER_FIELDS = ['name', 'created_at', 'expires_at'] as const;
const KEY_PATH = `${API_KEYS_PATH}/:key_id`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** v2 keys: addressed by key_id, project optional (the default project when absent). */
export function registerV2ApiKeyRoutes(app: SandboxApp, { store, now }: RouteDeps): void {
  app.get(API_KEYS_PATH, (c) => {
    const projectId = projectIdOf(c.req.query('project_id'));
    const page = parsePageQuery(c, KEY_ORDER_FIELDS, CREATED_DESC);
    const keys = store.keysOf(store.requireProject(projectId).id);
    const created = new Map(keys.map((key, index) => [key, index]));
    const { count, results } = sortedPage(keys, page, (k, f) => [k[f], created.get(k) ?? 0]);
    const at = now();
    return c.json({ count, results: results.map((key) => storedKeyOut(store, key, at)) }, 200);
  });
  app.post(API_KEYS_PATH, (c) => {
    const at = now();
    const data = parseBody(createApiKeyInputSchema, c.get('body'), (input) =>
      expiresAtProblems(input, at),
    );
    const project = store.requireProject(data.project_id);
    const deploymentIds = unique(data.inference_instance_ids ?? []);
    store.requireDeployments(project.id, deploymentIds);
    const expiresAt = data.expires_at ? isoUtc(Date.parse(data.expires_at)) : null;
    const key = store.addKey(project.id, { ...data, expires_at: expiresAt }, at);
    store.bind('keyId', key.key_id, deploymentIds);
    // 32 random bytes, URL-safe: the secret exists only in this response, never in the store.
    const secret = randomBytes(32).toString('base64url');
    return c.json({ ...storedKeyOut(store, key, at), secret }, 200);
  });
  app.all(API_KEYS_PATH, methodNotAllowed);

  app.get(KEY_PATH, (c) =>
    c.json(storedKeyOut(store, store.requireKey(keyIdParam(c)), now()), 200),
  );
  app.patch(KEY_PATH, (c) => {
    const at = now();
    const data = parseBody(updateApiKeyInputSchema, c.get('body'), (input) => ({
      ...expiresAtProblems(input, at),
      ...(input.name === undefined ? {} : { name: ['Name cannot be changed.'] }),
    }));
    const keyId = keyIdParam(c);
    const key = store.requireKey(keyId);
    // project_id in a PATCH scopes the lookup: a key is never moved between projects.
    if (data.project_id !== undefined && data.project_id !== null) {
      store.requireProject(data.project_id);
      if (data.project_id !== key.project_id) throw notFound(`API key ${keyId}`, data.project_id);
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
    return c.json(storedKeyOut(store, key, at), 200);
  });
  app.delete(KEY_PATH, (c) => {
    store.deleteKey(store.requireKey(keyIdParam(c)));
    return c.body(null, 204);
  });
  app.all(KEY_PATH, methodNotAllowed);
}

function keyIdParam(c: SandboxContext): string {
  const keyId = c.req.param('key_id') ?? '';
  if (!UUID.test(keyId)) throw validationFailure({ key_id: ['Not a valid UUID.'] });
  return keyId;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}
