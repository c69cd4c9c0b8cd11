import { AuthTurnsOnNotice } from '../../deployments/binding/auth-turns-on-notice';
import { LastKeyConfirmation } from '../../deployments/binding/last-key-confirmation';
import type { DeploymentRecord } from '../../deployments/api/deployment-record';

type BindingWarningsProps = {
  keyName: string;
  losingLastKey: readonly string[];
  typed: Readonly<Record<string, string>>;
  setTyped: (typed: Record<string, string>) => void;
  attaching: readonly DeploymentRecord[];
  acknowledged: boolean;
  setAcknowledged: (acknowledged: boolean) => void;
};

/**
 * What the edit's deployment changes would do beyond this key: a deployment left with no key
 * accepts anyone (typed confirmation), one given its first key refuses keyless callers
 * (acknowledgement). Each renders nothing when it does not apply.
 */
export function BindingWarnings(props: BindingWarningsProps) {
  return (
    <>
      <LastKeyConfirmation
        deployments={props.losingLastKey}
        keyName={props.keyName}
        typed={props.typed}
        onTypedChange={props.setTyped}
      />
      <AuthTurnsOnNotice
        chosen={props.attaching}
        acknowledged={props.acknowledged}
        onAcknowledgedChange={props.setAcknowledged}
      />
    </>
  );
}
