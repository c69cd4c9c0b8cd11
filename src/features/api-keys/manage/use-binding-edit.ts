import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import {
  bindingChanges,
  deploymentsLosingLastKey,
  deploymentsTurningAuthOn,
} from '../../deployments/binding/binding-diff';
import { lastKeyConfirmed } from '../../deployments/binding/last-key-confirmation';
import type { KeyRecord } from '../api/key-model';
import { deploymentRecordsQueryOptions } from '../api/key-queries';
import { useKeysAdapter } from '../api/keys-adapter-context';
import type { CreateApiKeyFormValues } from '../model/create-api-key-form-schema';

const NO_REFS: readonly string[] = [];

/**
 * The safety checks of a binding change, where the generation's bindings switch key
 * authentication (`bindingTurnsAuthOn`): which deployments the edit would leave with no key
 * (public) and which it would turn authentication on for, and whether the user has confirmed
 * both. Where they do not, nothing is asked and `ready` is true.
 */
export function useBindingEdit(options: {
  control: Control<CreateApiKeyFormValues>;
  apiKey: KeyRecord;
  projectId: number;
  initialRefs: readonly string[];
}) {
  const { control, apiKey, projectId, initialRefs } = options;
  const adapter = useKeysAdapter();
  const guarded = adapter.capabilities.bindingTurnsAuthOn;
  const deployments = useQuery({
    ...deploymentRecordsQueryOptions(adapter, projectId),
    enabled: guarded,
  });
  const chosen = useWatch({ control, name: 'instanceIds' });
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [acknowledged, setAcknowledged] = useState(false);

  const all = deployments.data ?? [];
  // By id, as the deployments list their keys (v3's id is its name).
  const changes = guarded ? bindingChanges(apiKey.id, initialRefs, chosen ?? NO_REFS) : [];
  const losingLastKey = deploymentsLosingLastKey(changes, all).map((d) => d.name);
  const attaching = all.filter((d) => changes.some((c) => c.attach && c.deployment === d.ref));
  const turningAuthOn = deploymentsTurningAuthOn(attaching);
  const lastKeyOk = lastKeyConfirmed(losingLastKey, typed);
  const authOk = turningAuthOn.length === 0 || acknowledged;

  return {
    losingLastKey,
    typed,
    setTyped,
    /** The deployments the edit adds the key to, for `AuthTurnsOnNotice`. */
    attaching,
    acknowledged,
    setAcknowledged,
    /** Both warnings confirmed (or none due): Save may send. */
    ready: lastKeyOk && authOk,
    /** Why Save is not ready yet, in words; null when it is. */
    blocker: !lastKeyOk
      ? `Type the name of ${losingLastKey.length === 1 ? 'the deployment' : 'each deployment'} that would be left without a key to save.`
      : !authOk
        ? 'Confirm that callers sending no key will be refused to save.'
        : null,
  };
}
