import type { ApiKey } from '../../src/features/api-keys/api/api-key-schemas';

/**
 * A key as stored, without status (it depends on the clock at read time) and without bindings
 * (kept as a relation in the store, so every API generation derives its own view of them).
 */
export type StoredApiKey = Omit<ApiKey, 'status' | 'project_id' | 'inference_instance_ids'> & {
  project_id: number;
};

/** A key with the deployment ids it is bound to: how v2 shows it, and how the seed lists it. */
export type KeyWithBindings = StoredApiKey & { inference_instance_ids: readonly string[] };

/** One key bound to one deployment. */
export type Binding = { keyId: string; deploymentId: string };
