import { API_KEYS_PATH } from '../api-key-schemas';

export const apiKeyPath = (keyId: string) => `${API_KEYS_PATH}/${encodeURIComponent(keyId)}`;
