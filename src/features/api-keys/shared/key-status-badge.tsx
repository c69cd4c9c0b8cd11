import type { KeyStatus } from '../model/key-status';

const TONES: Record<KeyStatus['kind'], string> = {
  active: 'bg-success-subtle text-success-fg',
  'expiring-soon': 'bg-warning-subtle text-warning-fg',
  expired: 'bg-danger-subtle text-danger-fg',
  other: 'bg-other-subtle text-other-fg',
};

export function KeyStatusBadge({ status }: { status: KeyStatus }) {
  return (
    <span
      className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${TONES[status.kind]}`}
    >
      {status.label}
    </span>
  );
}
