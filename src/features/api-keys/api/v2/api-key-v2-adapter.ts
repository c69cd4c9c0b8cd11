import { apiRequest } from '../../../../lib/api-client';
import { getAllDeployments } from '../../../deployments/api/v2/get-deployments';
import type { Deployment } from '../../../deployments/api/v2/deployment-schemas';
import { API_KEY_NAME_RULE, describeApiKeyNameProblem } from './api-key-v2-name';
import {
  apiKeySchema,
  type ApiKey,
  type CreateApiKeyInput,
  type UpdateApiKeyInput,
} from '../api-key-schemas';
import { createApiKey } from './create-api-key';
import { deleteApiKey } from './delete-api-key';
import { apiKeyPath } from './api-key-path';
import type { DeploymentRecord } from '../../../deployments/api/deployment-record';
import { withKeyFieldNames, type WireFieldNames } from '../key-field-errors';
import type { KeyChanges, KeyRecord, KeysAdapter, NewKey } from '../key-model';
import { listApiKeys } from './list-api-keys';
import { updateApiKey } from './update-api-key';

/** The fields of v2's key calls, by the names the API's field errors give them. */
const V2_KEY_FIELDS: WireFieldNames = {
  name: 'name',
  description: 'description',
  expires_at: 'expiresAt',
  inference_instance_ids: 'deploymentRefs',
  project_id: 'projectId',
};

/** The generation-neutral new key → the body of POST /cloud/v2/inference/api_keys. */
export function toCreateApiKeyV2Input(projectId: number, key: NewKey): CreateApiKeyInput {
  return {
    name: key.name,
    description: key.description,
    expires_at: key.expiresAt,
    inference_instance_ids: [...key.deploymentRefs],
    project_id: projectId,
  };
}

/** The changes → the body of PATCH /cloud/v2/inference/api_keys/{key_id}; omitted is unchanged. */
export function toUpdateApiKeyV2Input(changes: KeyChanges): UpdateApiKeyInput {
  const input: UpdateApiKeyInput = {};
  if (changes.description !== undefined) input.description = changes.description;
  if (changes.expiresAt !== undefined) input.expires_at = changes.expiresAt;
  if (changes.deploymentRefs !== undefined) {
    input.inference_instance_ids = [...changes.deploymentRefs];
  }
  return input;
}

export const toKeyRecordV2 = (key: ApiKey): KeyRecord => ({
  id: key.key_id,
  name: key.name,
  description: key.description,
  createdAt: key.created_at,
  expiresAt: key.expires_at,
  deploymentRefs: [...key.inference_instance_ids],
  status: key.status,
});

export const toDeploymentRecordV2 = (deployment: Deployment): DeploymentRecord => ({
  ref: deployment.id,
  name: deployment.name,
  status: deployment.status,
  address: deployment.address,
  keyRefs: [...deployment.api_key_ids],
  // Absent is the spec's default: off.
  authEnabled: deployment.auth_enabled ?? false,
});

/** The deprecated generation: keys by UUID, bound inside the key call, sorted by the server. */
export const keysAdapterV2: KeysAdapter = {
  capabilities: {
    generation: 'v2',
    expiryEditable: true,
    serverSort: true,
    // A rotation's retirement is a job on the server; bindings are not.
    jobsOnServer: true,
    bindingTurnsAuthOn: true,
    describeNameProblem: describeApiKeyNameProblem,
    nameHint: API_KEY_NAME_RULE,
    descriptionMaxLength: null,
  },
  async listKeyPage(projectId, page, signal) {
    const list = await listApiKeys({ projectId, ...page }, signal);
    return { count: list.count, results: list.results.map(toKeyRecordV2) };
  },
  async getKey(_projectId, id, signal) {
    const key = await apiRequest({
      method: 'GET',
      path: apiKeyPath(id),
      schema: apiKeySchema,
      signal,
    });
    return toKeyRecordV2(key);
  },
  async createKey(projectId, key, signal) {
    const created = await withKeyFieldNames(
      createApiKey(toCreateApiKeyV2Input(projectId, key), { signal }),
      V2_KEY_FIELDS,
    );
    return { key: toKeyRecordV2(created), secret: created.secret, pendingBindings: [] };
  },
  // Everything, bindings included, goes in the key's own PATCH: there is nothing for a job to do.
  planEdit: (_key, edit) => ({ keyChanges: { ...edit }, attach: [], detach: [] }),
  async updateKey(_projectId, id, changes) {
    const updated = updateApiKey(id, toUpdateApiKeyV2Input(changes));
    return toKeyRecordV2(await withKeyFieldNames(updated, V2_KEY_FIELDS));
  },
  // Deleting a key unbinds it, and a 409 never means it is bound.
  planDelete: () => ({ detachFirst: false, rereadOnConflict: false }),
  deleteKey: (_projectId, id) => deleteApiKey(id),
  async listDeployments(projectId, signal) {
    return (await getAllDeployments(projectId, signal)).map(toDeploymentRecordV2);
  },
  // Keys are UUIDs here, and the new key came back bound: there is no bind job to wait for.
  retireInput: (projectId, oldKey, newKey, plan) => ({
    kind: 'retire',
    project_id: projectId,
    key_name: oldKey.name,
    key_id: oldKey.id,
    replaced_by: newKey.name,
    replaced_by_id: newKey.id,
    after_job: null,
    deployments: [...oldKey.deploymentRefs],
    run_after: plan.runAfter,
  }),
};
