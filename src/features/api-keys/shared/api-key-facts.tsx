import type { ReactNode } from 'react';
import { formatLocal, formatUtc } from '../../../lib/format-date';
import { formatExpiry } from '../../../lib/format-relative';
import type { Deployment } from '../../deployments/api/deployment-schemas';
import type { ApiKey } from '../api/api-key-schemas';
import { keyStatus } from '../model/key-status';
import { byId, DeploymentNames } from './deployment-names';
import { KeyStatusBadge } from './key-status-badge';

type ApiKeyFactsProps = { apiKey: ApiKey; deployments: readonly Deployment[]; now?: Date };

/**
 * Everything the API says about a key, in the details dialog and right after it is created (never
 * the secret: the reveal dialog shows that itself).
 */
export function ApiKeyFacts({ apiKey, deployments, now = new Date() }: ApiKeyFactsProps) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
      <Fact term="Name">
        <span className="font-medium break-all">{apiKey.name}</span>
      </Fact>
      <Fact term="ID">
        <span className="font-mono break-all select-all">{apiKey.key_id}</span>
      </Fact>
      <Fact term="Status">
        <KeyStatusBadge status={keyStatus(apiKey, now)} />
      </Fact>
      <Fact term="Description">
        {apiKey.description?.trim() ? (
          <span className="wrap-anywhere whitespace-pre-wrap">{apiKey.description}</span>
        ) : (
          <span className="text-slate-500">None</span>
        )}
      </Fact>
      <Fact term="Project ID">{apiKey.project_id ?? 'Default project'}</Fact>
      <Fact term="Created">
        <Instant iso={apiKey.created_at} />
      </Fact>
      <Fact term="Expires">
        {apiKey.expires_at === null ? (
          'Never'
        ) : (
          <span className="flex flex-col">
            <span>{capitalize(formatExpiry(apiKey.expires_at, now))}</span>
            <Instant iso={apiKey.expires_at} />
          </span>
        )}
      </Fact>
      <Fact term="Instances">
        <DeploymentNames
          ids={apiKey.inference_instance_ids}
          deploymentsById={byId(deployments)}
          empty="None: this key unlocks no deployment."
          withStatus
        />
      </Fact>
    </dl>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-600">{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </>
  );
}

/** Local time first (the user's clock), UTC beside it (what logs and support quote). */
function Instant({ iso }: { iso: string }) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>{iso}</span>;
  return (
    <span>
      <time dateTime={date.toISOString()}>{formatLocal(date)}</time>{' '}
      <span className="text-slate-600">· {formatUtc(date)}</span>
    </span>
  );
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
