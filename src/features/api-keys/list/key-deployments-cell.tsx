import type { DeploymentRecord } from '../api/key-model';
import { DeploymentNames } from '../shared/deployment-names';

type Props = {
  refs: readonly string[];
  deploymentsById: ReadonlyMap<string, DeploymentRecord> | undefined;
  /** A binding job for this key is still running (v3): the list says so until it ends. */
  binding: boolean;
};

/**
 * The count, with the names on demand: a native disclosure, so Enter and Space open it with no
 * script. Its summary is reached by the row's arrow keys, not by Tab (one tab stop per row).
 */
export function KeyDeploymentsCell({ refs, deploymentsById, binding }: Props) {
  const pending = binding && <PendingTag>binding…</PendingTag>;
  if (refs.length === 0) {
    return (
      <span className="flex flex-wrap items-center gap-1">
        <span className="text-fg-muted">None</span>
        {pending}
      </span>
    );
  }
  return (
    <div className="flex flex-wrap items-start gap-1">
      <details className="group">
        <summary
          tabIndex={-1}
          data-row-stop=""
          className="focus-visible:outline-focus cursor-pointer rounded whitespace-nowrap focus-visible:outline-2"
        >
          {refs.length} {refs.length === 1 ? 'deployment' : 'deployments'}
        </summary>
        <div className="pt-1">
          <DeploymentNames ids={refs} deploymentsById={deploymentsById} />
        </div>
      </details>
      {pending}
    </div>
  );
}

export function PendingTag({ children }: { children: string }) {
  return (
    <span className="bg-info-subtle text-info-fg inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap">
      <span
        aria-hidden="true"
        className="border-info-fg size-2.5 animate-spin rounded-full border-2 border-t-transparent motion-reduce:animate-none"
      />
      {children}
    </span>
  );
}
