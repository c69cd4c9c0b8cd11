import type { Deployment } from '../../deployments/api/deployment-schemas';
import { formatLocal, formatUtc } from '../../../lib/format-date';
import { shellQuote } from '../../../lib/shell-quote';
import type { ApiKey } from '../api/api-key-schemas';

type CreatedKeySummaryProps = { apiKey: ApiKey; deployments: Deployment[] };

/** What was created, and how to call a bound deployment with it. */
export function CreatedKeySummary({ apiKey, deployments }: CreatedKeySummaryProps) {
  const byId = new Map(deployments.map((deployment) => [deployment.id, deployment]));
  const bound = apiKey.inference_instance_ids.map((id) => ({ id, deployment: byId.get(id) }));
  const expiresAt = apiKey.expires_at ? new Date(apiKey.expires_at) : null;
  const example = bound.find((entry) => entry.deployment?.address)?.deployment;

  return (
    <div className="flex flex-col gap-4 text-sm">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5">
        <dt className="text-slate-600">Name</dt>
        <dd className="font-medium break-all">{apiKey.name}</dd>
        <dt className="text-slate-600">ID</dt>
        <dd className="font-mono break-all">{apiKey.key_id}</dd>
        <dt className="text-slate-600">Status</dt>
        <dd>{apiKey.status}</dd>
        <dt className="text-slate-600">Expires</dt>
        <dd>
          {expiresAt ? (
            <>
              {formatLocal(expiresAt)}{' '}
              <span className="text-slate-600">· {formatUtc(expiresAt)}</span>
            </>
          ) : (
            'Never'
          )}
        </dd>
        <dt className="text-slate-600">Instances</dt>
        <dd>
          {bound.length === 0 ? (
            'None: this key unlocks no deployment yet.'
          ) : (
            <ul>
              {bound.map(({ id, deployment }) => (
                <li key={id} className="break-all">
                  {deployment?.name ?? <span className="font-mono">{id}</span>}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {example?.address && <UsageSnippet address={example.address} />}
    </div>
  );
}

function UsageSnippet({ address }: { address: string }) {
  return (
    <div className="flex flex-col gap-1.5">
      <h3 className="font-medium">Try it</h3>
      <p className="text-slate-600">
        Paste the secret when <code>read</code> waits for it: it stays out of your shell history.
      </p>
      <pre className="rounded-md bg-slate-900 p-3 font-mono text-xs break-all whitespace-pre-wrap text-slate-100">
        {/* The address comes from the API: quoted, so no character in it can run a command. */}
        {`read -rs INFERENCE_API_KEY\ncurl -H "X-API-Key: $INFERENCE_API_KEY" ${shellQuote(address)}`}
      </pre>
    </div>
  );
}
