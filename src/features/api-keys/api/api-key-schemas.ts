import * as z from 'zod/mini';
import { lazySchema } from '../../../lib/lazy-schema';
import { listOf } from '../../../lib/list-schema';
import { apiKeyNameSchema } from './v2/api-key-v2-name';

export const API_KEYS_PATH = '/cloud/v2/inference/api_keys';

/**
 * The v2 API-key contract (ApiKeyInSerializer, ApiKeyPatchSerializer, ApiKeyOutSerializer,
 * ApiKeyCreateOutSerializer). The form, the API client and the sandbox all use these, so what the
 * app sends and what the sandbox accepts cannot drift apart.
 */

/** ISO 8601 with a zone designator; the client always sends UTC with `Z`. */
// Request bodies are built on their first parse (lazySchema): the page's first screen sends none.
export const expiresAtInputSchema = lazySchema(() =>
  z.nullable(
    z.iso.datetime({ offset: true, error: 'Give an ISO 8601 date and time with a time zone.' }),
  ),
);

export const deploymentIdSchema = lazySchema(() =>
  z.guid({ error: 'Not a deployment id (expected a UUID).' }),
);

/** The create body's fields; the gateway builds its strict form from them too. */
export const createApiKeyInputShape = () => ({
  name: apiKeyNameSchema,
  description: z.optional(z.nullable(z.string())),
  expires_at: z.optional(expiresAtInputSchema),
  inference_instance_ids: z.optional(z.array(deploymentIdSchema)),
  project_id: z.optional(z.nullable(z.int())),
});
export const createApiKeyInputSchema = lazySchema(() => z.object(createApiKeyInputShape()));
export type CreateApiKeyInput = z.infer<typeof createApiKeyInputSchema>;

/** `name` cannot change; an omitted field is left as it is. */
export const updateApiKeyInputShape = () => ({
  description: z.optional(z.nullable(z.string())),
  expires_at: z.optional(expiresAtInputSchema),
  inference_instance_ids: z.optional(z.nullable(z.array(deploymentIdSchema))),
  project_id: z.optional(z.nullable(z.int())),
});
export const updateApiKeyInputSchema = lazySchema(() => z.object(updateApiKeyInputShape()));
export type UpdateApiKeyInput = z.infer<typeof updateApiKeyInputSchema>;

// Responses are read leniently where the spec is loose (status is any string, ids are not
// re-checked) but every required field must be there with its type.
export const apiKeySchema = z.object({
  key_id: z.string().check(z.minLength(1)),
  name: z.string(),
  status: z.string(),
  created_at: z.string(),
  description: z._default(z.nullable(z.string()), null),
  expires_at: z._default(z.nullable(z.string()), null),
  inference_instance_ids: z._default(z.array(z.string()), []),
  project_id: z._default(z.nullable(z.int()), null),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

/** The create response: the only place the secret ever appears. */
export const createdApiKeySchema = lazySchema(() =>
  z.extend(apiKeySchema, { secret: z.string().check(z.minLength(1)) }),
);
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

export const apiKeyListSchema = listOf(apiKeySchema);
