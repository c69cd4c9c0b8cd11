import { useId } from 'react';
import type { DeploymentRecord } from '../api/deployment-record';
import { FieldError } from '../../../components/ui/field';
import { deploymentsTurningAuthOn } from './binding-diff';

export type AuthTurnsOnNoticeProps = {
  /** The deployments the key will be bound to, as last listed. */
  chosen: readonly DeploymentRecord[];
  acknowledged: boolean;
  onAcknowledgedChange: (acknowledged: boolean) => void;
  /** Set by the form when it is submitted without the acknowledgement. */
  error?: string | undefined;
};

export const AUTH_ACK_REQUIRED =
  'Confirm that you understand key authentication turns on, or leave those deployments out.';

/**
 * Shown in the create and edit forms when a chosen deployment has no key today: binding one turns
 * key authentication on there, and every caller that sends no key starts getting 401. Renders
 * nothing when no chosen deployment is in that case (the form then needs no acknowledgement).
 */
export function AuthTurnsOnNotice(props: AuthTurnsOnNoticeProps) {
  const { chosen, acknowledged, onAcknowledgedChange, error } = props;
  const id = useId();
  const turningOn = deploymentsTurningAuthOn(chosen);
  if (turningOn.length === 0) return null;
  const names = turningOn.map((d) => d.name);
  const one = names.length === 1;
  return (
    <div
      role="group"
      aria-labelledby={`${id}-title`}
      className="border-warning-line bg-warning-subtle text-warning-fg flex flex-col gap-2 rounded-md border p-3 text-sm"
    >
      <p id={`${id}-title`} className="font-medium">
        Key authentication turns on for {one ? 'a deployment' : `${names.length} deployments`}
      </p>
      <p id={`${id}-text`}>
        {one ? 'This deployment accepts' : 'These deployments accept'} requests without any key
        today: {names.join(', ')}. Binding this key turns key authentication on, and callers that
        send no key will be refused (401 Unauthorized) from then on.
      </p>
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          required
          checked={acknowledged}
          onChange={(event) => onAcknowledgedChange(event.target.checked)}
          aria-invalid={Boolean(error)}
          aria-describedby={`${id}-text ${id}-error`}
          className="mt-0.5"
        />
        <span>I understand that callers sending no key will be refused</span>
      </label>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
