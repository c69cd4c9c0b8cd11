import * as z from 'zod/mini';
import {
  createApiKeyInputShape,
  updateApiKeyInputShape,
} from '../../src/features/api-keys/api/api-key-schemas.ts';
import {
  createApiKeyV3InputSchema,
  updateApiKeyV3InputSchema,
} from '../../src/features/api-keys/api/v3/api-key-v3-schemas.ts';
import { patchDeploymentKeysInputSchema } from '../../src/features/deployments/api/v3/deployment-v3-schemas.ts';

/** A body contract: what the gateway parses a JSON body with before anything is forwarded. */
export type BodyContract = z.ZodMiniType;

/**
 * The bodies the dashboard sends, from the very schemas its API calls parse them with, made strict:
 * a field the page never sends is refused rather than stripped, so a forged call is seen as one.
 */
export const V2_CREATE_BODY: BodyContract = z.strictObject(createApiKeyInputShape());

/** The spec lets a v2 PATCH move a key to another project; the dashboard never does. */
export const V2_UPDATE_BODY: BodyContract = z.strictObject(
  z.omit(z.object(updateApiKeyInputShape()), { project_id: true }).shape,
);

export const V3_CREATE_BODY: BodyContract = createApiKeyV3InputSchema;
export const V3_UPDATE_BODY: BodyContract = updateApiKeyV3InputSchema;
export const V3_DEPLOYMENT_KEYS_BODY: BodyContract = patchDeploymentKeysInputSchema;
