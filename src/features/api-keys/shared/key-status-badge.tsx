import type { KeyStatus } from '../model/key-status';

const TONES: Record<KeyStatus['kind'], string> = {
  active: 'bg-emerald-100 text-emerald-900',
  'expiring-soon': 'bg-amber-100 text-amber-900',
  expired: 'bg-red-100 text-red-900',
  other: 'bg-violet-100 text-violet-900',
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
