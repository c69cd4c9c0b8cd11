import { apiRequest } from '../../../../lib/api-client';
import { isApiError } from '../../../../lib/api-error';
import { fetchAllPages } from '../../../../lib/fetch-all-pages';
import { listDeploymentsV3 } from '../../../deployments/api/v3/deployment-v3-calls';
import { withKeyFieldNames, type WireFieldNames } from '../key-field-errors';
import type { EditPlan, KeyChanges, KeyRecord, KeysAdapter, NewKey } from '../key-model';
import { describeV3ApiKeyNameProblem } from './api-key-v3-name';
import {
  apiKeyV3ListSchema,
  apiKeyV3Schema,
  createApiKeyV3InputSchema,
  createdApiKeyV3Schema,
  updateApiKeyV3InputSchema,
  V3_DESCRIPTION_MAX_LENGTH,
  v3ApiKeyPath,
  v3ApiKeysPath,
  type ApiKeyV3,
  type CreateApiKeyV3Input,
} from './api-key-v3-schemas';

/**
 * The fields of v3's key calls, by the names the API's field errors give them. Bindings are not
 * among them: they are a change of each deployment, made by jobs.
 */
const V3_KEY_FIELDS: WireFieldNames = {
  name: 'name',
  description: 'description',
  expires_at: 'expiresAt',
  project_id: 'projectId',
};

export const toKeyRecordV3 = (key: ApiKeyV3): KeyRecord => ({
  id: key.name,
  name: key.name,
  description: key.description,
  createdAt: key.created_at,
  expiresAt: key.expires_at,
  deploymentRefs: [...key.deployment_names],
  status: null,
});

/** Decision (shared contract notes): an empty description and "never" are omitted, not null. */
export function toCreateApiKeyV3Input(key: NewKey): CreateApiKeyV3Input {
  const input: CreateApiKeyV3Input = { name: key.name };
  if (key.description !== null && key.description !== '') input.description = key.description;
  if (key.expiresAt !== null) input.expires_at = key.expiresAt;
  return input;
}

function updateBody(changes: KeyChanges) {
  // The form never offers these on v3; reaching here is a programming error, not user input.
  if (changes.expiresAt !== undefined || changes.deploymentRefs !== undefined) {
    throw new Error('v3 keys change only their description; bindings go through deployments.');
  }
  return updateApiKeyV3InputSchema.parse(
    changes.description === undefined ? {} : { description: changes.description },
  );
}

/**
 * Only the description changes on the key itself: the expiry is fixed at creation, and bindings
 * are a change of each deployment, made by jobs.
 */
function planEditV3(key: KeyRecord, edit: KeyChanges): EditPlan {
  const keyChanges: KeyChanges =
    edit.description === undefined ? {} : { description: edit.description };
  if (edit.deploymentRefs === undefined) return { keyChanges, attach: [], detach: [] };
  const before = new Set(key.deploymentRefs);
  const after = new Set(edit.deploymentRefs);
  return {
    keyChanges,
    attach: [...after].filter((ref) => !before.has(ref)),
    detach: key.deploymentRefs.filter((ref) => !after.has(ref)),
  };
}

export const keysAdapterV3: KeysAdapter = {
  capabilities: {
    generation: 'v3',
    expiryEditable: false,
    serverSort: false,
    jobsOnServer: true,
    bindingTurnsAuthOn: true,
    describeNameProblem: describeV3ApiKeyNameProblem,
    nameHint: '4–63 lower-case letters, digits and hyphens.',
    descriptionMaxLength: V3_DESCRIPTION_MAX_LENGTH,
  },
  async listKeyPage(projectId, page, signal) {
    const list = await apiRequest({
      method: 'GET',
      path: v3ApiKeysPath(projectId),
      query: { limit: page.limit, offset: page.offset },
      schema: apiKeyV3ListSchema,
      signal,
    });
    return { count: list.count, results: list.results.map(toKeyRecordV3) };
  },
  async getKey(projectId, id, signal) {
    const key = await apiRequest({
      method: 'GET',
      path: v3ApiKeyPath(projectId, id),
      schema: apiKeyV3Schema,
      signal,
    });
    return toKeyRecordV3(key);
  },
  async createKey(projectId, key, signal) {
    const request = apiRequest({
      method: 'POST',
      path: v3ApiKeysPath(projectId),
      body: createApiKeyV3InputSchema.parse(toCreateApiKeyV3Input(key)),
      schema: createdApiKeyV3Schema,
      signal,
    });
    const created = await withKeyFieldNames(request, V3_KEY_FIELDS);
    // The key is created unbound: binding means patching each deployment, which a job does.
    return {
      key: toKeyRecordV3(created),
      secret: created.secret,
      pendingBindings: [...key.deploymentRefs],
    };
  },
  planEdit: planEditV3,
  async updateKey(projectId, id, changes) {
    const request = apiRequest({
      method: 'PATCH',
      path: v3ApiKeyPath(projectId, id),
      body: updateBody(changes),
      schema: apiKeyV3Schema,
    });
    return toKeyRecordV3(await withKeyFieldNames(request, V3_KEY_FIELDS));
  },
  // The API refuses to delete a key a deployment still accepts.
  planDelete: (key) => ({ detachFirst: key.deploymentRefs.length > 0, rereadOnConflict: true }),
  async deleteKey(projectId, id) {
    try {
      await apiRequest({ method: 'DELETE', path: v3ApiKeyPath(projectId, id), schema: null });
      return 'deleted';
    } catch (error) {
      if (isApiError(error) && error.status === 404) return 'already-gone';
      throw error;
    }
  },
  listDeployments: listDeploymentsV3,
  // Names are the identity; the old key is detached only once the new key's bindings landed.
  retireInput: (projectId, oldKey, newKey, plan) => ({
    kind: 'retire',
    project_id: projectId,
    key_name: oldKey.name,
    key_id: null,
    replaced_by: newKey.name,
    replaced_by_id: null,
    after_job: plan.afterJob,
    deployments: [...oldKey.deploymentRefs],
    run_after: plan.runAfter,
  }),
};

/** Every key of a project: v3 has no order or filter, so sorting and matching happen here. */
export const listAllKeysV3 = (projectId: number, signal?: AbortSignal) =>
  fetchAllPages(
    (offset, limit) => keysAdapterV3.listKeyPage(projectId, { offset, limit }, signal),
    {
      keyOf: (key) => key.id,
    },
  );
