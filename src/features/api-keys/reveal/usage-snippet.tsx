import { useRef, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { copyText } from '../../../lib/clipboard';
import { shellQuote } from '../../../lib/shell-quote';
import type { DeploymentRecord } from '../api/key-model';

type UsageSnippetProps = {
  /** The deployments the user chose for the key, in the order shown. */
  chosen: readonly DeploymentRecord[];
  /** The refs of those the key is bound to now. */
  bound: ReadonlySet<string>;
};

/**
 * How to call a chosen deployment with the new key. The secret never appears in it: `read` asks
 * for it, so copying the snippet copies no secret and the shell history keeps none. A deployment
 * whose binding has not landed yet would answer 401, so until then the snippet is only promised.
 */
export function UsageSnippet({ chosen, bound }: UsageSnippetProps) {
  const addressed = chosen.filter((deployment) => deployment.address);
  const target = addressed.find((d) => bound.has(d.ref)) ?? addressed[0];
  if (!target?.address) return null;
  return (
    <div className="flex min-w-0 flex-col gap-1.5 text-sm">
      <h3 className="font-medium">Try it</h3>
      {bound.has(target.ref) ? (
        <Snippet
          // The address comes from the API: quoted, so no character in it can run a command.
          text={`read -rs INFERENCE_API_KEY\ncurl -H "X-API-Key: $INFERENCE_API_KEY" ${shellQuote(target.address)}`}
        />
      ) : (
        <p className="text-fg-muted">An example call to {target.name} is available once bound.</p>
      )}
    </div>
  );
}

function Snippet({ text }: { text: string }) {
  const preRef = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    const pre = preRef.current;
    if (!pre) return;
    if ((await copyText(text, pre.parentElement ?? pre)) === 'copied') return setCopied(true);
    // No clipboard: select the snippet so the keyboard shortcut copies exactly it.
    const range = document.createRange();
    range.selectNodeContents(pre);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  };
  return (
    <>
      <p className="text-fg-muted">
        Paste the secret when <code>read</code> waits for it: it stays out of your shell history.
      </p>
      <div className="flex min-w-0 items-start gap-2">
        {/* Sideways scroll, never a break inside a word: a command must read as it runs. */}
        <pre
          ref={preRef}
          // Focusable, so the keyboard can scroll it too (axe: scrollable-region-focusable); a
          // region, so its name is allowed.
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          role="region"
          aria-label="Example call"
          className="bg-inverse text-inverse-fg min-w-0 flex-1 overflow-x-auto rounded-md p-3 font-mono text-xs whitespace-pre"
        >
          {text}
        </pre>
        <Button onClick={() => void copy()} className="shrink-0 whitespace-nowrap">
          {copied ? (
            <>
              Copied <span aria-hidden="true">✓</span>
            </>
          ) : (
            'Copy snippet'
          )}
        </Button>
      </div>
      <span aria-live="polite" className="sr-only">
        {copied ? 'Snippet copied to the clipboard.' : ''}
      </span>
    </>
  );
}
