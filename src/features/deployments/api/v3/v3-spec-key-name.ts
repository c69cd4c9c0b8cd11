import * as z from 'zod/mini';
import { lazySchema } from '../../../../lib/lazy-schema';

// Here rather than beside the key calls: a deployment's `api_keys` list holds these names too,
// and the deployments feature stands on its own (api-keys imports it, never the other way).
const V3_SPEC_NAME_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Any name the spec lets a key have (4–63 characters, dotted labels allowed). */
export const v3SpecKeyNameSchema = lazySchema(() =>
  z
    .string()
    .check(
      z.minLength(4, 'Ensure this value has at least 4 characters.'),
      z.maxLength(63, 'Ensure this value has at most 63 characters.'),
      z.regex(V3_SPEC_NAME_PATTERN, 'String should match the API key name pattern.'),
    ),
);
