import { Button } from '../../../components/ui/button';

type Props = { filter: string; onCreateKey: (() => void) | undefined };

/** No rows: either the filter matched nothing, or the project has no key yet (say what keys are for). */
export function KeysEmptyState({ filter, onCreateKey }: Props) {
  if (filter) {
    return (
      <p className="text-fg-muted py-8 text-center text-sm">No key name contains “{filter}”.</p>
    );
  }
  return (
    <div className="flex flex-col items-center gap-3 py-8 text-center text-sm">
      <p className="text-base font-semibold">No API keys in this project yet</p>
      <p className="text-fg-muted max-w-prose">
        An API key lets an application call your inference deployments: once a key is bound to a
        deployment, only requests that carry one of its keys are served. Create one key per
        application, so that you can revoke one without breaking the others.
      </p>
      {/* Not "Create API key": that is the page's own button, and names should not collide. */}
      {onCreateKey && (
        <Button variant="primary" onClick={onCreateKey}>
          Create an API key
        </Button>
      )}
    </div>
  );
}
