import type { StoredApiKey } from './sandbox-types';
import { keyOut } from './serializers';

type Key = Readonly<StoredApiKey>;

/** A key's JSON either side of its status, and the fields it was made from. */
interface Halves {
  head: string;
  tail: string;
  expiresAt: number;
  from: Key;
  ids: readonly string[];
}

const STATUS = ',"status":"';
const cache = new WeakMap<Key, Halves>();

/**
 * Exactly `JSON.stringify(keyOut(key, now))`, from halves cached per key around the status, the
 * one field that depends on the clock: a list call then joins strings instead of copying and
 * serialising every key it shows. Halves are reused only while each field they were made from is
 * still the key's, so an edited key is never shown as it was.
 */
export function keyJson(key: Key, now: Date): string {
  let halves = cache.get(key);
  if (!halves || !madeFrom(halves, key)) {
    halves = split(key, now);
    cache.set(key, halves);
  }
  // NaN (an unparsable expiry) is never <= now: ACTIVE, as keyOut has it.
  const expired = halves.expiresAt <= now.getTime();
  return halves.head + (expired ? 'EXPIRED' : 'ACTIVE') + halves.tail;
}

function split(key: Key, now: Date): Halves {
  const json = JSON.stringify(keyOut(key, now));
  // The first `,"status":"` is the field itself: inside a JSON string every `"` is escaped.
  const start = json.indexOf(STATUS) + STATUS.length;
  return {
    head: json.slice(0, start),
    tail: json.slice(json.indexOf('"', start)),
    expiresAt: key.expires_at === null ? Number.POSITIVE_INFINITY : Date.parse(key.expires_at),
    from: { ...key },
    ids: [...key.inference_instance_ids],
  };
}

function madeFrom({ from, ids }: Halves, key: Key): boolean {
  const same =
    from.key_id === key.key_id &&
    from.name === key.name &&
    from.description === key.description &&
    from.project_id === key.project_id &&
    from.expires_at === key.expires_at &&
    from.created_at === key.created_at &&
    ids.length === key.inference_instance_ids.length;
  if (!same) return false;
  for (let i = 0; i < ids.length; i += 1) {
    if (ids[i] !== key.inference_instance_ids[i]) return false;
  }
  return true;
}
