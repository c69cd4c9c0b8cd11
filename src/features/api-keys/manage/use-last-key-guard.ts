import { useState } from 'react';
import { bindingChanges, deploymentsLosingLastKey } from '../../deployments/binding/binding-diff';
import { lastKeyConfirmed } from '../../deployments/binding/last-key-confirmation';
import type { DeploymentRecord } from '../../deployments/api/deployment-record';
import type { KeyRecord } from '../api/key-model';
import { useKeysAdapter } from '../api/keys-adapter-context';

/**
 * Deleting a key removes it from every deployment: those it leaves with no key turn key
 * authentication off (where the generation's bindings switch it, `bindingTurnsAuthOn`), so each
 * one's name is typed before the delete may go (`LastKeyConfirmation`).
 */
export function useLastKeyGuard(apiKey: KeyRecord, deployments: readonly DeploymentRecord[]) {
  const { capabilities } = useKeysAdapter();
  const [typed, setTyped] = useState<Record<string, string>>({});
  const losing = capabilities.bindingTurnsAuthOn
    ? deploymentsLosingLastKey(bindingChanges(apiKey.id, apiKey.deploymentRefs, []), deployments)
    : [];
  const names = losing.map((d) => d.name);
  return { losing: names, typed, setTyped, confirmed: lastKeyConfirmed(names, typed) };
}
