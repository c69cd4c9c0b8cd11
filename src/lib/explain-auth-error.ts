import { isApiError } from './api-error';
import { describeError } from './describe-error';

/** A 401/403 told twice: a plain sentence for the user, the technical cause for an operator. */
export type AuthErrorText = { message: string; detail: string };

/**
 * Plain words for a 401 or 403, or null for any other failure. `mode` is how the dashboard
 * authenticates (src/features/auth/auth-mode.ts): with the server's token an end user cannot fix
 * a 401, so the message says who can, and the variable's name stays in the detail.
 */
export function explainAuthError(
  error: unknown,
  mode: 'server' | 'personal',
): AuthErrorText | null {
  if (!isApiError(error) || (error.status !== 401 && error.status !== 403)) return null;
  const cause = `HTTP ${error.status}: ${describeError(error)}`;
  if (error.status === 403) {
    return {
      message:
        mode === 'personal'
          ? 'Your token’s role may not do this. Sign in with a token whose role can (for example Administrators), or ask whoever manages your Gcore account.'
          : 'This dashboard’s Gcore account may not do this. Ask whoever runs the dashboard to give its API token a role that can.',
      detail: cause,
    };
  }
  return mode === 'personal'
    ? {
        message: 'Gcore no longer accepts your token. Sign in again with a valid one.',
        detail: cause,
      }
    : {
        message:
          'The dashboard cannot sign in to Gcore at the moment. Ask whoever runs it to renew its API token.',
        detail: `${cause}. The server's GCORE_API_KEY is missing, wrong, expired or revoked: set a valid permanent API token.`,
      };
}
