import type { ApiKey } from '../../../src/features/api-keys/api/api-key-schemas';
import type { SandboxStore } from '../../store/store';
import type { DeploymentRecord } from '../../seed/deployments';
import type { KeyWithBindings, StoredApiKey } from '../../store/types';

/** The key as v2 shows it; status depends on the clock, so it is computed per read. */
export function keyOut(key: KeyWithBindings, now: Date): ApiKey {
  const expired = key.expires_at !== null && Date.parse(key.expires_at) <= now.getTime();
  const ids = [...key.inference_instance_ids];
  return { ...key, status: expired ? 'EXPIRED' : 'ACTIVE', inference_instance_ids: ids };
}

/** A stored key as v2 shows it, its bindings read from the store. */
export function storedKeyOut(store: SandboxStore, key: StoredApiKey, now: Date): ApiKey {
  return keyOut({ ...key, inference_instance_ids: store.boundTo('keyId', key.key_id) }, now);
}

/**
 * InferenceInstanceOutSerializer, with the bindings as they stand now. Decision (api-generations):
 * a deployment asks for a key exactly when it has one, as v3 states for its `api_keys`.
 */
export function deploymentOut(record: DeploymentRecord, store: SandboxStore) {
  const keyIds = store.boundTo('deploymentId', record.instance.id);
  return { ...record.instance, api_key_ids: keyIds, auth_enabled: keyIds.length > 0 };
}
