import { readApiTarget } from '../lib/api-target';

export function ApiTargetBanner() {
  const target = readApiTarget();
  if (target.kind === 'sandbox') {
    return (
      <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-amber-900">
        <strong>Sandbox:</strong> a local imitation of Gcore’s API. Keys made here are not real.
      </p>
    );
  }
  if (target.kind === 'remote') {
    return (
      <p className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-1.5 text-sm text-emerald-900">
        Connected to <strong className="font-mono">{target.url}</strong>: keys made here are real.
      </p>
    );
  }
  return null;
}
