import type { DeploymentRecord } from '../../deployments/api/deployment-record';
import type { KeyRecord } from '../api/key-model';

/**
 * What the filter looks in, lower-cased: the key's name, its description and the names of the
 * deployments it unlocks. Deployments not loaded yet give nothing, rather than a v2 id matching
 * on a stray digit. Worked out once per list: lower-casing 10,000 keys on every filter typed
 * costs more than the matching itself.
 */
export function keySearchTexts(
  key: KeyRecord,
  deploymentsById: ReadonlyMap<string, DeploymentRecord> | undefined,
): string[] {
  const texts = [key.name.toLowerCase()];
  if (key.description) texts.push(key.description.toLowerCase());
  for (const ref of key.deploymentRefs) {
    const name = deploymentsById?.get(ref)?.name;
    if (name) texts.push(name.toLowerCase());
  }
  return texts;
}

/** Whether any of a key's search texts holds `needle` (already trimmed and lower-case). */
export const textsMatch = (texts: readonly string[], needle: string): boolean =>
  needle === '' || texts.some((text) => text.includes(needle));

/** Whether a key matches the filter (`needle`, already trimmed and lower-case). */
export const keyMatches = (
  key: KeyRecord,
  needle: string,
  deploymentsById: ReadonlyMap<string, DeploymentRecord> | undefined,
): boolean => textsMatch(keySearchTexts(key, deploymentsById), needle);

type Deployments = ReadonlyMap<string, DeploymentRecord> | undefined;
const textsOfList = new WeakMap<
  readonly KeyRecord[],
  { deploymentsById: Deployments; texts: string[][] }
>();

/**
 * Every key's search texts, by index, worked out once per list and its deployments: the list
 * prepares them while the page is idle, and the first filter typed finds them ready.
 */
export function searchTextsOf(keys: readonly KeyRecord[], deploymentsById: Deployments) {
  const known = textsOfList.get(keys);
  if (known && known.deploymentsById === deploymentsById) return known.texts;
  const texts = keys.map((key) => keySearchTexts(key, deploymentsById));
  textsOfList.set(keys, { deploymentsById, texts });
  return texts;
}
