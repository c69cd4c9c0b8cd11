import { describeError } from '../../../lib/describe-error';
import { explainAuthError } from '../../../lib/explain-auth-error';
import { readAuthMode } from '../../auth/auth-mode';

/** A failed load told to the user: `detail`, when set, is for an operator, behind a disclosure. */
export type LoadErrorText = { message: string; detail: string | null };

/**
 * Every load (keys, a key, projects, deployments) words a failure the same way: a 401/403 in
 * plain words with the API's own behind them, anything else as the API said it.
 */
export function explainLoadError(error: unknown): LoadErrorText {
  return explainAuthError(error, readAuthMode()) ?? { message: describeError(error), detail: null };
}
