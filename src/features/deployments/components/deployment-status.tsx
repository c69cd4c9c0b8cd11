import { humanizeStatus } from '../../../lib/humanize-status';

const TONES: Record<string, string> = {
  ACTIVE: 'bg-emerald-100 text-emerald-900',
  DEPLOYING: 'bg-sky-100 text-sky-900',
  PARTIALLYDEPLOYED: 'bg-sky-100 text-sky-900',
  NEW: 'bg-sky-100 text-sky-900',
  PENDING: 'bg-sky-100 text-sky-900',
  DISABLED: 'bg-slate-200 text-slate-800',
  DELETING: 'bg-slate-200 text-slate-800',
  DELETED: 'bg-slate-200 text-slate-800',
  ERROR: 'bg-red-100 text-red-900',
  FAILED: 'bg-red-100 text-red-900',
};

export function DeploymentStatus({ status }: { status: string }) {
  return (
    <span
      className={`rounded px-1.5 py-0.5 text-xs font-medium ${TONES[status] ?? 'bg-violet-100 text-violet-900'}`}
    >
      {humanizeStatus(status)}
    </span>
  );
}
