import type { ReactNode } from 'react';
import type { DeploymentRecord } from '../../deployments/api/deployment-record';
import { DeploymentStatus } from '../../deployments/components/deployment-status';

type DeploymentNamesProps = {
  /** `DeploymentRecord.ref`s: v2's ids, v3's names. */
  ids: readonly string[];
  /** Undefined while the deployments load: no id is called unknown before they are here. */
  deploymentsById: ReadonlyMap<string, DeploymentRecord> | undefined;
  /** Shown when no deployment is bound. */
  empty?: ReactNode;
  /** Each deployment's status beside its name (details, delete); the table leaves it out. */
  withStatus?: boolean;
  /** At most this many, then "and N more" (the table, where rows must stay short). */
  limit?: number;
};

/**
 * The deployments a key is bound to, by name. A ref with no deployment (deleted, or in another
 * project) shows marked unknown; a long one (a v2 UUID) is shortened, with the full ref in the
 * accessible name and the tooltip, so it can still be quoted.
 */
export function DeploymentNames({
  ids,
  deploymentsById,
  empty = 'None',
  withStatus = false,
  limit = Infinity,
}: DeploymentNamesProps) {
  if (ids.length === 0) return <span className="text-fg-muted">{empty}</span>;
  return (
    <ul className="flex flex-col gap-1">
      {ids.slice(0, limit).map((id) => (
        <li key={id} className="flex flex-wrap items-center gap-x-2 wrap-anywhere">
          <DeploymentLabel id={id} deploymentsById={deploymentsById} withStatus={withStatus} />
        </li>
      ))}
      {ids.length > limit && <li className="text-fg-muted">and {ids.length - limit} more</li>}
    </ul>
  );
}

/**
 * One deployment by name; a ref with no deployment shortened and marked unknown, its full ref
 * in the accessible name and the tooltip.
 */
export function DeploymentLabel({
  id,
  deploymentsById,
  withStatus = false,
}: {
  id: string;
  deploymentsById: ReadonlyMap<string, DeploymentRecord> | undefined;
  withStatus?: boolean;
}) {
  const deployment = deploymentsById?.get(id);
  if (deployment) {
    return (
      <>
        <span className="font-medium">{deployment.name}</span>
        {withStatus && <DeploymentStatus status={deployment.status} />}
      </>
    );
  }
  return (
    <span title={id}>
      <span aria-hidden="true" className="font-mono">
        {id.length > 12 ? `${id.slice(0, 8)}…` : id}
      </span>
      <span className="sr-only">{id}</span>
      {deploymentsById && <span className="text-fg-muted text-xs"> (unknown)</span>}
    </span>
  );
}

/** One lookup per list of deployments, not one per row. */
export const byId = (
  deployments: readonly DeploymentRecord[],
): ReadonlyMap<string, DeploymentRecord> =>
  new Map(deployments.map((deployment) => [deployment.ref, deployment]));
