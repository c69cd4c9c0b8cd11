import { useRef, useState } from 'react';
import { AUTH_ACK_REQUIRED } from '../../deployments/binding/auth-turns-on-notice';
import { deploymentsTurningAuthOn } from '../../deployments/binding/binding-diff';
import type { DeploymentRecord } from '../../deployments/api/deployment-record';
import type { GenerationCapabilities } from '../api/key-model';

/**
 * The acknowledgement that binding turns key authentication on, where the generation does that
 * (`bindingTurnsAuthOn`) and a chosen deployment has no key today. It is given for the
 * deployments named at the time: choosing another open one asks again.
 */
export function useAuthAcknowledgement(
  capabilities: Pick<GenerationCapabilities, 'bindingTurnsAuthOn'>,
  chosen: readonly DeploymentRecord[],
) {
  const concerned = capabilities.bindingTurnsAuthOn ? chosen : [];
  const turningOn = deploymentsTurningAuthOn(concerned)
    .map((d) => d.ref)
    .join('\n');
  const [acknowledgedFor, setAcknowledgedFor] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const containerRef = useRef<HTMLDivElement>(null);
  const needed = turningOn !== '';
  const acknowledged = needed && acknowledgedFor === turningOn;

  return {
    /** What the notice is given: only the chosen deployments where the generation turns auth on. */
    concerned,
    acknowledged,
    error: needed ? error : undefined,
    containerRef,
    setAcknowledged: (value: boolean) => {
      setAcknowledgedFor(value ? turningOn : null);
      if (value) setError(undefined);
    },
    /** True when the create may go; otherwise the checkbox says why, and takes focus if asked. */
    check(focus: boolean): boolean {
      if (!needed || acknowledged) return true;
      setError(AUTH_ACK_REQUIRED);
      if (focus) containerRef.current?.querySelector<HTMLInputElement>('input')?.focus();
      return false;
    },
    reset: () => {
      setAcknowledgedFor(null);
      setError(undefined);
    },
  };
}
