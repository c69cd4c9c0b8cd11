import * as z from 'zod/mini';
import { lazySchema } from '../../../../lib/lazy-schema';
import { listOf } from '../../../../lib/list-schema';
import { v3SpecKeyNameSchema } from '../../../deployments/api/v3/v3-spec-key-name';
import { v3ApiKeyNameSchema } from './api-key-v3-name';

/**
 * The v3 API-key contract (ApiKeyCreateRequestSerializer, ApiKeyUpdateRequestSerializer,
 * GetApiKeyResponseSerializer, CreateApiKeyResponseSerializer). Keys live under a project and are
 * addressed by name; there is no id, no status and no project field.
 */
export const v3ApiKeysPath = (projectId: number) => `/cloud/v3/inference/${projectId}/api_keys`;
export const v3ApiKeyPath = (projectId: number, name: string) =>
  `${v3ApiKeysPath(projectId)}/${encodeURIComponent(name)}`;

export const V3_DESCRIPTION_MAX_LENGTH = 300;
// Request bodies are built on their first parse (lazySchema): the page's first screen sends none.
const descriptionSchema = lazySchema(() =>
  z
    .string()
    .check(
      z.maxLength(
        V3_DESCRIPTION_MAX_LENGTH,
        `Use at most ${V3_DESCRIPTION_MAX_LENGTH} characters.`,
      ),
    ),
);

/**
 * The create body exactly as the spec accepts it (what the sandbox enforces): a spec name; the
 * description and expiry are non-nullable strings; nothing else.
 */
const createApiKeyV3SpecShape = () => ({
  name: v3SpecKeyNameSchema,
  description: z.optional(descriptionSchema),
  expires_at: z.optional(
    z.iso.datetime({ offset: true, error: 'Give an ISO 8601 date and time with a time zone.' }),
  ),
});
export const createApiKeyV3SpecSchema = lazySchema(() => z.strictObject(createApiKeyV3SpecShape()));

/**
 * What the client sends: the spec's body with the stricter name (no dots, so the key stays
 * addressable). Decision: an empty description and "never" are omitted, never `null`.
 */
export const createApiKeyV3InputSchema = lazySchema(() =>
  z.strictObject({ ...createApiKeyV3SpecShape(), name: v3ApiKeyNameSchema }),
);
export type CreateApiKeyV3Input = z.infer<typeof createApiKeyV3InputSchema>;

/** Only the description can change; `null` clears it. The sandbox adds the fields it refuses. */
export const updateApiKeyV3InputShape = () => ({
  description: z.optional(z.nullable(descriptionSchema)),
});
export const updateApiKeyV3InputSchema = lazySchema(() =>
  z.strictObject(updateApiKeyV3InputShape()),
);
export type UpdateApiKeyV3Input = z.infer<typeof updateApiKeyV3InputSchema>;

// Read leniently where the spec is loose: timestamps have no `format`, names are not re-checked.
export const apiKeyV3Schema = z.object({
  name: z.string().check(z.minLength(1)),
  description: z._default(z.nullable(z.string()), null),
  created_at: z.string(),
  expires_at: z._default(z.nullable(z.string()), null),
  deployment_names: z._default(z.array(z.string()), []),
});
export type ApiKeyV3 = z.infer<typeof apiKeyV3Schema>;

/** The create response: the only place the secret ever appears. */
export const createdApiKeyV3Schema = lazySchema(() =>
  z.extend(apiKeyV3Schema, { secret: z.string().check(z.minLength(1)) }),
);
export type CreatedApiKeyV3 = z.infer<typeof createdApiKeyV3Schema>;

export const apiKeyV3ListSchema = listOf(apiKeyV3Schema);
