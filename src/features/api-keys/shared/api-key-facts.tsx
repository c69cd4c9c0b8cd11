import type { ReactNode } from 'react';
import { formatLocal, formatUtc, isUtcClock } from '../../../lib/format-date';
import { formatExpiry } from '../../../lib/format-relative';
import { ProjectName } from '../../projects/components/project-name';
import type { DeploymentRecord } from '../../deployments/api/deployment-record';
import type { KeyRecord } from '../api/key-model';
import { keyStatus } from '../model/key-status';
import { byId, DeploymentNames } from './deployment-names';
import { KeyStatusBadge } from './key-status-badge';

type ApiKeyFactsProps = {
  apiKey: KeyRecord;
  deployments: readonly DeploymentRecord[];
  /** The key's project, when known (v3 keys do not say; the list they came from does). */
  projectId?: number | undefined;
  now?: Date;
  /** Stands in for the bound deployments while they are still being bound (the v3 reveal). */
  instances?: ReactNode;
  /** Said under the deployments: why the key unlocks less than was asked (details). */
  instancesNote?: ReactNode;
};

/**
 * Everything the API says about a key, in the details dialog and right after it is created (never
 * the secret: the reveal dialog shows that itself).
 */
export function ApiKeyFacts({
  apiKey,
  deployments,
  projectId,
  now = new Date(),
  instances,
  instancesNote,
}: ApiKeyFactsProps) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
      <Fact term="Name">
        <span className="font-medium break-all">{apiKey.name}</span>
      </Fact>
      {/* Where the name is what addresses the key (v3), an ID row would only repeat it. */}
      {apiKey.id !== apiKey.name && (
        <Fact term="ID">
          <span className="font-mono break-all select-all">{apiKey.id}</span>
        </Fact>
      )}
      <Fact term="Status">
        <KeyStatusBadge status={keyStatus(apiKey, now)} />
      </Fact>
      <Fact term="Description">
        {apiKey.description?.trim() ? (
          <span className="wrap-anywhere whitespace-pre-wrap">{apiKey.description}</span>
        ) : (
          <span className="text-fg-muted">None</span>
        )}
      </Fact>
      {projectId !== undefined && (
        <Fact term="Project">
          <ProjectName projectId={projectId} />
        </Fact>
      )}
      <Fact term="Created">
        <Instant iso={apiKey.createdAt} />
      </Fact>
      <Fact term="Expires">
        {apiKey.expiresAt === null ? (
          'Never'
        ) : (
          <span className="flex flex-col">
            <span>{capitalize(formatExpiry(apiKey.expiresAt, now))}</span>
            <Instant iso={apiKey.expiresAt} />
          </span>
        )}
      </Fact>
      <Fact term="Deployments">
        {instances ?? (
          <DeploymentNames
            ids={apiKey.deploymentRefs}
            deploymentsById={byId(deployments)}
            empty="None: this key unlocks no deployment."
            withStatus
          />
        )}
        {instancesNote}
      </Fact>
    </dl>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-fg-muted">{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </>
  );
}

/**
 * Local time first (the user's clock), UTC beside it (what logs and support quote); one time
 * where the local clock is UTC, since both would read the same.
 */
function Instant({ iso }: { iso: string }) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>{iso}</span>;
  return (
    <span>
      <time dateTime={date.toISOString()}>{formatLocal(date)}</time>
      {!isUtcClock(date) && <span className="text-fg-muted"> · {formatUtc(date)}</span>}
    </span>
  );
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
