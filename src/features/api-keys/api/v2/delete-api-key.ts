import { apiRequest } from '../../../../lib/api-client';
import { isApiError } from '../../../../lib/api-error';
import { apiKeyPath } from './api-key-path';

/** Resolves to 'deleted', or 'already-gone' when the API says 404: either way the key is gone. */
export async function deleteApiKey(keyId: string): Promise<'deleted' | 'already-gone'> {
  try {
    await apiRequest({ method: 'DELETE', path: apiKeyPath(keyId), schema: null });
    return 'deleted';
  } catch (error) {
    if (isApiError(error) && error.status === 404) return 'already-gone';
    throw error;
  }
}
