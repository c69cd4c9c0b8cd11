import { humanizeStatus } from '../../../lib/humanize-status';

const TONES: Record<string, string> = {
  ACTIVE: 'bg-success-subtle text-success-fg',
  DEPLOYING: 'bg-info-subtle text-info-fg',
  PARTIALLYDEPLOYED: 'bg-info-subtle text-info-fg',
  NEW: 'bg-info-subtle text-info-fg',
  PENDING: 'bg-info-subtle text-info-fg',
  DISABLED: 'bg-surface-strong text-fg',
  DELETING: 'bg-surface-strong text-fg',
  DELETED: 'bg-surface-strong text-fg',
  ERROR: 'bg-danger-subtle text-danger-fg',
  FAILED: 'bg-danger-subtle text-danger-fg',
};

export function DeploymentStatus({ status }: { status: string }) {
  return (
    <span
      className={`rounded px-1.5 py-0.5 text-xs font-medium ${TONES[status] ?? 'bg-other-subtle text-other-fg'}`}
    >
      {humanizeStatus(status)}
    </span>
  );
}
