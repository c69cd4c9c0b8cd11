import { SEED_API_KEYS, SEED_KEY_IDS } from '../../sandbox/seed/api-keys';
import { keyOut } from '../../sandbox/routes/v2/serializers';
import type { ApiKey } from '../features/api-keys/api/api-key-schemas';

/** A seed key as the API serves it, for components that are handed a loaded key. */
export function seedApiKey(name: keyof typeof SEED_KEY_IDS, now = new Date()): ApiKey {
  const stored = SEED_API_KEYS.find((key) => key.key_id === SEED_KEY_IDS[name]);
  if (!stored) throw new Error(`No seed key ${name}.`);
  return keyOut(stored, now);
}
