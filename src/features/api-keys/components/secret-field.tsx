import { useId, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { copyShortcut, copyText } from '../../../lib/clipboard';

type SecretFieldProps = {
  secret: string;
  copyButtonRef: React.RefObject<HTMLButtonElement | null>;
  onCopied: () => void;
};

/** The secret, masked by default, with a copy that always ends in a copy or clear instructions. */
export function SecretField({ secret, copyButtonRef, onCopied }: SecretFieldProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [shown, setShown] = useState(false);
  const [status, setStatus] = useState('');

  const copy = async () => {
    const input = inputRef.current;
    if (!input) return;
    const outcome = await copyText(secret, input.parentElement ?? input);
    if (outcome === 'copied') {
      setStatus('Copied to the clipboard.');
      onCopied();
      return;
    }
    setShown(true);
    // Shown as text first: a password field's text cannot be copied.
    requestAnimationFrame(() => {
      input.focus();
      input.select();
    });
    setStatus(
      `Copying is blocked here. The secret is selected: press ${copyShortcut()} to copy it.`,
    );
  };

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        Secret
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          ref={inputRef}
          id={id}
          type={shown ? 'text' : 'password'}
          readOnly
          value={secret}
          // Keep password managers and autofill away from a value that is not a login password.
          autoComplete="off"
          spellCheck={false}
          data-1p-ignore=""
          data-lpignore="true"
          data-bwignore=""
          data-form-type="other"
          onCopy={() => {
            setStatus('Copied to the clipboard.');
            onCopied();
          }}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
        />
        <Button variant="primary" ref={copyButtonRef} onClick={() => void copy()}>
          Copy secret
        </Button>
        <Button aria-pressed={shown} onClick={() => setShown((value) => !value)}>
          Show secret
        </Button>
      </div>
      <p role="status" className="min-h-5 text-sm font-medium text-emerald-800">
        {status}
      </p>
    </div>
  );
}
