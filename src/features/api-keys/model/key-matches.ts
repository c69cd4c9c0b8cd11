import type { DeploymentRecord } from '../../deployments/api/deployment-record';
import type { KeyRecord } from '../api/key-model';

/**
 * Whether a key matches the filter (`needle`, already trimmed and lower-case): by its name, its
 * description, or the name of a deployment it unlocks. Deployments not loaded yet match nothing,
 * rather than a v2 id matching on a stray digit.
 */
export function keyMatches(
  key: KeyRecord,
  needle: string,
  deploymentsById: ReadonlyMap<string, DeploymentRecord> | undefined,
): boolean {
  if (needle === '') return true;
  const has = (text: string | null | undefined) => text?.toLowerCase().includes(needle) ?? false;
  return (
    has(key.name) ||
    has(key.description) ||
    key.deploymentRefs.some((ref) => has(deploymentsById?.get(ref)?.name))
  );
}
