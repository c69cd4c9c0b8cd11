import { useId } from 'react';
import { inputClass } from '../../../components/ui/field';

export type LastKeyConfirmationProps = {
  /** The deployments this change leaves with no key (see `deploymentsLosingLastKey`). */
  deployments: readonly string[];
  keyName: string;
  /** What was typed, per deployment name. Controlled, so the host's confirm button can never
   * stay enabled for a list that changed: it enables on `lastKeyConfirmed(deployments, typed)`. */
  typed: Readonly<Record<string, string>>;
  onTypedChange: (typed: Record<string, string>) => void;
};

/** True when each deployment's name was typed exactly (surrounding spaces forgiven). */
export const lastKeyConfirmed = (
  deployments: readonly string[],
  typed: Readonly<Record<string, string>>,
) => deployments.every((name) => (typed[name] ?? '').trim() === name);

/**
 * Warns that removing the last key of a deployment makes it public, and asks for the deployment's
 * name to be typed before the host enables its confirm button (`lastKeyConfirmed`). The deployment's name rather than
 * the key's: it is the deployment that becomes open to anyone, and a user editing a key would type
 * that key's name by reflex without reading which deployment is at stake.
 */
export function LastKeyConfirmation(props: LastKeyConfirmationProps) {
  const { deployments, keyName, typed, onTypedChange } = props;
  const id = useId();
  if (deployments.length === 0) return null;
  const change = (name: string, value: string) => onTypedChange({ ...typed, [name]: value });
  return (
    <div
      role="group"
      aria-labelledby={`${id}-title`}
      className="border-danger-line bg-danger-subtle text-danger-fg flex flex-col gap-2 rounded-md border p-3 text-sm"
    >
      <p id={`${id}-title`} className="font-medium">
        {deployments.length === 1
          ? 'This deployment will accept requests without any key'
          : `${deployments.length} deployments will accept requests without any key`}
      </p>
      <p id={`${id}-text`}>
        {keyName} is the last key of {deployments.join(', ')}. Removing it turns key authentication
        off: anyone who can reach {deployments.length === 1 ? 'the deployment' : 'them'} can call
        it, with no key at all.
      </p>
      {deployments.map((name, index) => (
        <div key={name} className="flex flex-col gap-1">
          <label htmlFor={`${id}-${index}`}>
            Type <strong className="font-mono">{name}</strong> to confirm
          </label>
          <input
            id={`${id}-${index}`}
            className={inputClass}
            autoComplete="off"
            spellCheck={false}
            value={typed[name] ?? ''}
            onChange={(event) => change(name, event.target.value)}
            aria-describedby={`${id}-text`}
          />
        </div>
      ))}
    </div>
  );
}
