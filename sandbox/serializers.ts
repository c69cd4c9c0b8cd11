import type { ApiKey } from '../src/features/api-keys/api/api-key-schemas';
import type { SandboxStore } from './sandbox-store';
import type { DeploymentRecord, StoredApiKey } from './sandbox-types';

/** The key as the API shows it; status depends on the clock, so it is computed per read. */
export function keyOut(key: Readonly<StoredApiKey>, now: Date): ApiKey {
  const expired = key.expires_at !== null && Date.parse(key.expires_at) <= now.getTime();
  return {
    key_id: key.key_id,
    name: key.name,
    description: key.description,
    status: expired ? 'EXPIRED' : 'ACTIVE',
    project_id: key.project_id,
    inference_instance_ids: [...key.inference_instance_ids],
    expires_at: key.expires_at,
    created_at: key.created_at,
  };
}

/** InferenceInstanceOutSerializer, with the bindings as they stand now. */
export function deploymentOut(record: DeploymentRecord, store: SandboxStore) {
  return { ...record.instance, api_key_ids: store.keyIdsBoundTo(record.instance.id) };
}

/** ISO 8601 in UTC with Z, without milliseconds unless they carry information. */
export function isoUtc(instant: Date | number): string {
  return new Date(instant).toISOString().replace('.000Z', 'Z');
}

let lastSecond = Number.NaN;
let lastSecondText = '';

/** Gcore's timestamps: UTC, whole seconds, `Z`. Formatted once per second, not per create. */
export function isoUtcSeconds(instant: Date): string {
  const second = Math.floor(instant.getTime() / 1000);
  // An invalid date (NaN) is never equal, so it still throws in toISOString.
  if (second !== lastSecond) {
    // toISOString always ends in `.sssZ`.
    lastSecondText = `${instant.toISOString().slice(0, -5)}Z`;
    lastSecond = second;
  }
  return lastSecondText;
}
