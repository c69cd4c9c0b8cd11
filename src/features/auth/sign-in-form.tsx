import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/ui/button';
import { Field, inputClass } from '../../components/ui/field';
import { apiRequest } from '../../lib/api-client';
import { tokenStore } from '../../lib/token-store';
import { PROJECTS_PATH, projectListSchema } from '../projects/api/project-schemas';
import { ErrorDetail } from '../../components/ui/error-detail';
import { explainTokenCheckError } from './token-check-error';
import { TokenHelp } from './token-help';

/**
 * The longest refusal (a token whose role may not use Inference) on a phone: the slot keeps that
 * room, so no message pushes the help, the checkbox or the button.
 */
const TOKEN_MESSAGE_LINES = 4;

/** Checks the token with the cheapest call there is before anything else uses it. */
export function SignInForm({ reason }: { reason: 'sign-out' | 'rejected' | null }) {
  const id = useId();
  const [token, setToken] = useState('');
  const [remember, setRemember] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [detail, setDetail] = useState<string | undefined>();
  const [checking, setChecking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const candidate = token.trim().replace(/^apikey\s+/i, '');
    if (!candidate) return setError('Paste your permanent API token.');
    setChecking(true);
    setError(undefined);
    setDetail(undefined);
    try {
      await apiRequest({
        method: 'GET',
        path: PROJECTS_PATH,
        query: { limit: 1 },
        schema: projectListSchema,
        token: candidate,
      });
      tokenStore.signIn(candidate, remember);
    } catch (failure) {
      const explained = explainTokenCheckError(failure);
      setError(explained.message);
      setDetail(explained.detail);
    } finally {
      setChecking(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="flex flex-col gap-4">
      {reason === 'rejected' && (
        <p
          role="alert"
          className="border-warning-line bg-warning-subtle text-warning-fg rounded-md border p-3 text-sm"
        >
          The API stopped accepting your token. Sign in again: what you typed on the page is kept.
        </p>
      )}
      <Field
        id={`${id}-token`}
        label="API token"
        hint="Your permanent API token from the Gcore Customer Portal. It stays in this tab’s memory and goes only to this site."
        error={error}
        messageLines={TOKEN_MESSAGE_LINES}
      >
        {(aria) => (
          <input
            {...aria}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(event) => setToken(event.target.value)}
            className={inputClass}
          />
        )}
      </Field>
      <TokenHelp />
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={remember}
          onChange={(event) => setRemember(event.target.checked)}
        />
        Remember in this tab (until it closes)
      </label>
      <div>
        <Button type="submit" variant="primary" disabled={checking}>
          Sign in
        </Button>
      </div>
      {/* Last, where appearing moves nothing: the plain message sits in the field's own slot. */}
      {detail && <ErrorDetail detail={detail} />}
    </form>
  );
}
