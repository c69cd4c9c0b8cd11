import { SEED_API_KEYS, SEED_KEY_IDS } from '../../sandbox/seed/api-keys';
import { keyOut } from '../../sandbox/routes/v2/serializers';
import type { KeyRecord } from '../features/api-keys/api/key-model';
import { toKeyRecordV2 } from '../features/api-keys/api/v2/api-key-v2-adapter';

/** A seed key as v2 serves it, in the UI's model, for components that are handed a loaded key. */
export function seedApiKey(name: keyof typeof SEED_KEY_IDS, now = new Date()): KeyRecord {
  const stored = SEED_API_KEYS.find((key) => key.key_id === SEED_KEY_IDS[name]);
  if (!stored) throw new Error(`No seed key ${name}.`);
  return toKeyRecordV2(keyOut(stored, now));
}
