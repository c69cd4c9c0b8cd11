import { useId, useState } from 'react';
import { inputClass } from '../../../components/ui/field';
import { shellQuote } from '../../../lib/shell-quote';
import type { DeploymentRecord } from '../../deployments/api/deployment-record';
import { CopyableSnippet } from './copyable-snippet';

type UsageSnippetProps = {
  /** The deployments the user chose for the key, in the order shown. */
  chosen: readonly DeploymentRecord[];
  /** The refs of those the key is bound to now. */
  bound: ReadonlySet<string>;
};

/**
 * How to call a chosen deployment with the new key, one deployment at a time (a picker when there
 * are several). The secret never appears in it: `read` asks for it, so copying the snippet copies
 * no secret and the shell history keeps none. A deployment whose binding has not landed yet would
 * answer 401, so until then its snippet is only promised.
 */
export function UsageSnippet({ chosen, bound }: UsageSnippetProps) {
  const pickerId = useId();
  const addressed = chosen.filter((deployment) => deployment.address);
  const [picked, setPicked] = useState<string | null>(null);
  // The user's pick stays put while bindings land; the first deployment until they pick.
  const target = addressed.find((d) => d.ref === picked) ?? addressed[0];
  if (!target?.address) return null;
  return (
    <div className="flex min-w-0 flex-col gap-1.5 text-sm">
      <h3 className="font-medium">Try it</h3>
      {addressed.length > 1 && (
        <div className="flex max-w-sm flex-col gap-1.5">
          <label htmlFor={pickerId} className="font-medium">
            Deployment
          </label>
          <select
            id={pickerId}
            value={target.ref}
            onChange={(event) => setPicked(event.target.value)}
            className={inputClass}
          >
            {addressed.map((deployment) => (
              <option key={deployment.ref} value={deployment.ref}>
                {deployment.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {bound.has(target.ref) ? (
        <CopyableSnippet
          // Keyed: "Copied ✓" belongs to one deployment's snippet, not to the next one picked.
          key={target.ref}
          // The address comes from the API: quoted, so no character in it can run a command.
          text={`read -rs INFERENCE_API_KEY\ncurl -H "X-API-Key: $INFERENCE_API_KEY" ${shellQuote(target.address)}`}
        />
      ) : (
        <p className="text-fg-muted">An example call to {target.name} is available once bound.</p>
      )}
    </div>
  );
}
