import { useMemo } from 'react';
import { ProjectName } from '../../projects/components/project-name';
import type { DeploymentRecord } from '../../deployments/api/deployment-record';
import type { KeyRecord } from '../api/key-model';
import { DeploymentNames } from '../shared/deployment-names';

type CopiedFactsProps = { apiKey: KeyRecord; projectId: number; deployments: DeploymentRecord[] };

/** What the new key takes over from the old one, unchanged. */
export function CopiedFacts({ apiKey, projectId, deployments }: CopiedFactsProps) {
  const byRef = useMemo(() => new Map(deployments.map((d) => [d.ref, d])), [deployments]);
  return (
    <section aria-label="Copied from the old key" className="bg-surface-muted rounded-md p-3">
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-sm">
        <dt className="text-fg-muted">Project</dt>
        <dd>
          <ProjectName projectId={projectId} />
        </dd>
        <dt className="text-fg-muted">Description</dt>
        <dd className="wrap-anywhere">
          {apiKey.description ?? <span className="text-fg-muted">None</span>}
        </dd>
        <dt className="text-fg-muted">Deployments</dt>
        <dd>
          <DeploymentNames ids={apiKey.deploymentRefs} deploymentsById={byRef} />
        </dd>
      </dl>
    </section>
  );
}
