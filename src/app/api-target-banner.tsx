import { readApiTarget } from '../lib/api-target';
import { useApiDown } from '../lib/use-api-down';
import { useApiGeneration, type ApiGenerationState } from '../lib/use-api-generation';

const TONE = {
  down: 'border-danger-line bg-danger-subtle text-danger-fg',
  sandbox: 'border-warning-line bg-warning-subtle text-warning-fg',
  remote: 'border-success-line bg-success-subtle text-success-fg',
};

/**
 * Where `/cloud` goes and whether it answers: never "Connected" while the API cannot be reached.
 * One status element for every state, so a screen reader hears the change both ways.
 */
export function ApiTargetBanner() {
  const target = readApiTarget();
  const generation = useApiGeneration();
  const down = useApiDown() !== null;
  if (target.kind === 'unknown' && !down) return null;
  const tone = down ? TONE.down : target.kind === 'sandbox' ? TONE.sandbox : TONE.remote;
  return (
    <p role="status" className={`${tone} rounded-md border px-2 py-1 text-xs`}>
      {down ? (
        <>
          <strong>Can’t reach Gcore’s API</strong>
          {target.kind === 'remote' && (
            <>
              {' at '}
              <span className="font-mono break-all">{target.url}</span>
            </>
          )}
          {target.kind === 'sandbox' && ' (the local sandbox)'}
          <GenerationLabel state={generation} />
        </>
      ) : target.kind === 'sandbox' ? (
        <>
          <strong>Sandbox</strong>
          <GenerationLabel state={generation} />: a local imitation of Gcore’s API. Keys made here
          are not real.
        </>
      ) : (
        target.kind === 'remote' && (
          <>
            Connected to <strong className="font-mono break-all">{target.url}</strong>
            <GenerationLabel state={generation} />: keys made here are real.
          </>
        )
      )}
    </p>
  );
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
      <span>{text}</span>
    </>
  );
}
