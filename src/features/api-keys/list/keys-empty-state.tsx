import { Button } from '../../../components/ui/button';

type Props = { filter: string; onClearFilter: () => void };

/**
 * No rows: either the filter matched nothing (a way out that clears it), or the project has no
 * key yet (say what keys are for). The page's own Create button is the one way to make a key:
 * a second one here would be the same action under two names.
 */
export function KeysEmptyState({ filter, onClearFilter }: Props) {
  if (filter) {
    return (
      <div className="flex flex-col items-center gap-3 py-8 text-center text-sm">
        <p className="text-fg-muted">No key matches “{filter}”.</p>
        <Button onClick={onClearFilter}>Clear filter</Button>
      </div>
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
    </div>
  );
}
