import { readApiTarget } from '../lib/api-target';
import { useApiGeneration, type ApiGenerationState } from '../lib/use-api-generation';

export function ApiTargetBanner() {
  const target = readApiTarget();
  const generation = useApiGeneration();
  if (target.kind === 'sandbox') {
    return (
      <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-amber-900">
        <strong>Sandbox</strong>
        <GenerationLabel state={generation} />: a local imitation of Gcore’s API. Keys made here are
        not real.
      </p>
    );
  }
  if (target.kind === 'remote') {
    return (
      <p className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-1.5 text-sm text-emerald-900">
        Connected to <strong className="font-mono">{target.url}</strong>
        <GenerationLabel state={generation} />: keys made here are real.
      </p>
    );
  }
  return null;
}

/** ` · API v3`, next to the API it belongs to; v2 is marked as Gcore marked it. */
function GenerationLabel({ state }: { state: ApiGenerationState }) {
  const text =
    state.generation === 'v3'
      ? 'API v3'
      : state.generation === 'v2'
        ? 'API v2 (deprecated)'
        : state.status === 'detecting'
          ? 'detecting the API version…'
          : 'API version not known yet';
  return (
    <>
      {' · '}
      <span aria-live="polite">{text}</span>
    </>
  );
}
