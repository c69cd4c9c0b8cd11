import type { GenerationCapabilities, KeyRecord } from '../api/key-model';
import type { CreateApiKeyFormValues } from '../model/create-api-key-form-schema';
import { toLocalInputValue, type ExpiryPreset } from '../model/expiry';
import { nextFreeName } from '../model/suggest-key-name';

const DAY_MS = 24 * 3_600_000;
/** A preset's length, give or take a DST hour: the old key was most likely made with it. */
const PRESET_LIFETIMES: [ExpiryPreset, number][] = [
  ['7d', 7 * DAY_MS],
  ['30d', 30 * DAY_MS],
  ['60d', 60 * DAY_MS],
  ['90d', 90 * DAY_MS],
];

/** The old key's lifetime from now: a preset when it is one, else that instant; 90 days unknown. */
function expiryLike(
  oldKey: KeyRecord,
  now: Date,
): Pick<CreateApiKeyFormValues, 'expiryPreset' | 'expiryCustom'> {
  if (oldKey.expiresAt === null) return { expiryPreset: 'never', expiryCustom: '' };
  const lifetime = Date.parse(oldKey.expiresAt) - Date.parse(oldKey.createdAt);
  if (!Number.isFinite(lifetime) || lifetime <= 0) return { expiryPreset: '90d', expiryCustom: '' };
  const preset = PRESET_LIFETIMES.find(([, ms]) => Math.abs(ms - lifetime) <= 3_600_000);
  if (preset) return { expiryPreset: preset[0], expiryCustom: '' };
  const at = new Date(now.getTime() + lifetime);
  return { expiryPreset: 'custom', expiryCustom: toLocalInputValue(at) };
}

/** The rotate form as it opens: the old key's description, project and deployments copied. */
export function rotationDefaults(
  oldKey: KeyRecord,
  projectId: number,
  takenNames: ReadonlySet<string>,
  rules: Pick<GenerationCapabilities, 'describeNameProblem'>,
  now: Date,
): CreateApiKeyFormValues {
  return {
    name: nextFreeName(oldKey.name, takenNames, rules.describeNameProblem),
    description: oldKey.description ?? '',
    projectId: String(projectId),
    instanceIds: [...oldKey.deploymentRefs],
    ...expiryLike(oldKey, now),
  };
}
