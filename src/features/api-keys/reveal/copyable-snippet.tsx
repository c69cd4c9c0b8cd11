import { useRef, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { copyText } from '../../../lib/clipboard';

/** A shell snippet and its own Copy button, which copies exactly the text shown. */
export function CopyableSnippet({ text }: { text: string }) {
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
      {/* On a phone the button takes the next row, so the command keeps the width it needs. */}
      <div className="flex min-w-0 flex-wrap items-start gap-2">
        {/* Wrapped, breaking inside a word only where nothing else fits (a long address): no
            part of the command hides past the edge, and a copy still gets it in one line. */}
        <pre
          ref={preRef}
          role="region"
          aria-label="Example call"
          className="bg-inverse text-inverse-fg min-w-0 basis-full rounded-md p-3 font-mono text-xs wrap-anywhere whitespace-pre-wrap sm:flex-1 sm:basis-0"
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
