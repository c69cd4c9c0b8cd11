import type { ReactNode } from 'react';
import type { Deployment } from '../../deployments/api/deployment-schemas';
import { DeploymentStatus } from '../../deployments/components/deployment-status';

type BoundInstancesProps = {
  ids: readonly string[];
  deployments: readonly Deployment[];
  /** Shown when no instance is bound. */
  empty?: ReactNode;
};

/**
 * The deployments a key is bound to, each with its status. An id missing from `deployments`
 * (deleted, or in another project) shows as a short id marked unknown; the full id is in the
 * accessible name so a screen reader user can still quote it.
 */
export function BoundInstances({ ids, deployments, empty = 'None' }: BoundInstancesProps) {
  if (ids.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  const byId = new Map(deployments.map((deployment) => [deployment.id, deployment]));
  return (
    <ul className="flex flex-col gap-1 text-sm">
      {ids.map((id) => {
        const deployment = byId.get(id);
        return (
          <li key={id} className="flex flex-wrap items-center gap-2">
            {deployment ? (
              <>
                <span className="font-medium break-all">{deployment.name}</span>
                <DeploymentStatus status={deployment.status} />
              </>
            ) : (
              <>
                <span className="font-mono" title={id}>
                  <span aria-hidden="true">{id.slice(0, 8)}…</span>
                  <span className="sr-only">{id}</span>
                </span>
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">
                  unknown
                </span>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
