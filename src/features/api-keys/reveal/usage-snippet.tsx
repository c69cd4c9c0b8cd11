import { shellQuote } from '../../../lib/shell-quote';
import type { DeploymentRecord, KeyRecord } from '../api/key-model';

type UsageSnippetProps = { apiKey: KeyRecord; deployments: readonly DeploymentRecord[] };

/**
 * How to call the first bound deployment that has an address with the new key, if any. Only
 * deployments the key is bound to count (`apiKey.deploymentRefs`): on v3 a chosen deployment
 * shows here once its binding has finished and the key is re-read.
 */
export function UsageSnippet({ apiKey, deployments }: UsageSnippetProps) {
  const address = deployments.find(
    (deployment) => deployment.address && apiKey.deploymentRefs.includes(deployment.ref),
  )?.address;
  if (!address) return null;
  return (
    <div className="flex flex-col gap-1.5 text-sm">
      <h3 className="font-medium">Try it</h3>
      <p className="text-fg-muted">
        Paste the secret when <code>read</code> waits for it: it stays out of your shell history.
      </p>
      <pre className="bg-inverse text-inverse-fg rounded-md p-3 font-mono text-xs break-all whitespace-pre-wrap">
        {/* The address comes from the API: quoted, so no character in it can run a command. */}
        {`read -rs INFERENCE_API_KEY\ncurl -H "X-API-Key: $INFERENCE_API_KEY" ${shellQuote(address)}`}
      </pre>
    </div>
  );
}
