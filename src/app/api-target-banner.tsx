import { readApiTarget } from '../lib/api-target';
import { useApiGeneration, type ApiGenerationState } from '../lib/use-api-generation';

export function ApiTargetBanner() {
  const target = readApiTarget();
  const generation = useApiGeneration();
  if (target.kind === 'sandbox') {
    return (
      <p className="border-warning-line bg-warning-subtle text-warning-fg rounded-md border px-2 py-1 text-xs">
        <strong>Sandbox</strong>
        <GenerationLabel state={generation} />: a local imitation of Gcore’s API. Keys made here are
        not real.
      </p>
    );
  }
  if (target.kind === 'remote') {
    return (
      <p className="border-success-line bg-success-subtle text-success-fg rounded-md border px-2 py-1 text-xs">
        Connected to <strong className="font-mono break-all">{target.url}</strong>
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
