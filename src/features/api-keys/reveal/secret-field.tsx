import { useId, useRef, useState, type ClipboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { Button } from '../../../components/ui/button';
import { copyShortcut, copyText } from '../../../lib/clipboard';
import type { SecretBox } from '../../../lib/secret-box';

type SecretFieldProps = {
  secret: SecretBox;
  copyButtonRef: React.RefObject<HTMLButtonElement | null>;
  /** Once copied, Copy steps back (the dialog's Done takes the lead) and says it is done. */
  copied: boolean;
  onCopied: () => void;
  /** Copying was blocked, so the secret is shown and selected for the user's own copy keys. */
  onSelectedForCopy: () => void;
};

/**
 * Masking is done by showing dots, not by a password field: a password field invites password
 * managers to store the secret, and while masked the secret is not in the DOM at all.
 */
const MASK = '•'.repeat(32);

/** The secret, masked by default, with a copy that always ends in a copy or clear instructions. */
export function SecretField(props: SecretFieldProps) {
  const { secret, copyButtonRef, copied, onCopied, onSelectedForCopy } = props;
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [shown, setShown] = useState(false);
  const [status, setStatus] = useState('');

  const markCopied = () => {
    setStatus('Copied to the clipboard.');
    onCopied();
  };

  const copy = async () => {
    const input = inputRef.current;
    if (!input) return;
    const outcome = await copyText(secret.read(), input.parentElement ?? input);
    if (outcome === 'copied') return markCopied();
    // The real text is committed first: selected any earlier, the dots would be what is selected.
    flushSync(() => setShown(true));
    input.focus();
    input.select();
    setStatus(
      `Copying is blocked here. The secret is selected: press ${copyShortcut()} to copy it.`,
    );
    onSelectedForCopy();
  };

  // A manual copy of the masked field must copy the secret, not the dots.
  const onCopy = (event: ClipboardEvent<HTMLInputElement>) => {
    event.clipboardData.setData('text/plain', secret.read());
    event.preventDefault();
    markCopied();
  };

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        Secret
      </label>
      {/* On a phone the secret takes a row of its own, the buttons the next one. */}
      <div className="flex flex-wrap gap-2">
        <input
          ref={inputRef}
          id={id}
          type="text"
          readOnly
          value={shown ? secret.read() : MASK}
          aria-describedby={shown ? undefined : `${id}-masked`}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          spellCheck={false}
          data-1p-ignore=""
          data-lpignore="true"
          data-bwignore=""
          data-form-type="other"
          onCopy={onCopy}
          className="border-line-strong bg-canvas min-w-0 basis-full rounded-md border px-3 py-2 font-mono text-sm sm:flex-1 sm:basis-0"
        />
        <Button
          variant={copied ? 'secondary' : 'primary'}
          ref={copyButtonRef}
          onClick={() => void copy()}
          className="min-w-32 whitespace-nowrap"
        >
          {copied ? (
            <>
              Copied <span aria-hidden="true">✓</span>
            </>
          ) : (
            'Copy secret'
          )}
        </Button>
        <Button onClick={() => setShown((value) => !value)} className="min-w-32 whitespace-nowrap">
          {shown ? 'Hide secret' : 'Show secret'}
        </Button>
      </div>
      {!shown && (
        <p id={`${id}-masked`} className="sr-only">
          Hidden. Copy it, or press Show secret to read it.
        </p>
      )}
      <p role="status" className="text-success-fg min-h-5 text-sm font-medium">
        {status}
      </p>
    </div>
  );
}
