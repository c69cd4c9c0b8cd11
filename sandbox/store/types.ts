import type { ApiKey } from '../../src/features/api-keys/api/api-key-schemas';

/** A key without status (it depends on the clock) or bindings (a relation in the store). */
export type StoredApiKey = Omit<ApiKey, 'status' | 'project_id' | 'inference_instance_ids'> & {
  project_id: number;
};

/** A key with the deployment ids it is bound to: how v2 shows it, and how the seed lists it. */
export type KeyWithBindings = StoredApiKey & { inference_instance_ids: readonly string[] };

export type Binding = { keyId: string; deploymentId: string };
