import { isApiError } from '../../lib/api-error';
import { describeError } from '../../lib/describe-error';
import type { AuthErrorText } from '../../lib/explain-auth-error';

/** Why a token could not be signed in with: a plain sentence, and the API's words for the disclosure. */
export function explainTokenCheckError(failure: unknown): AuthErrorText {
  const status = isApiError(failure) ? failure.status : null;
  const detail = `${status === null ? '' : `HTTP ${status}: `}${describeError(failure)}`;
  if (status === 401) {
    return {
      message:
        'Gcore did not accept this token. Check that you pasted all of it and that it has not expired or been deleted.',
      detail,
    };
  }
  if (status === 403) {
    return {
      message:
        'This token is valid, but its role may not use Inference. Create a token with a role that can (for example Administrators), or ask whoever manages your Gcore account.',
      detail,
    };
  }
  if (isApiError(failure) && (failure.kind === 'network' || failure.kind === 'timeout')) {
    return {
      message: 'Could not reach the API to check the token. Check your connection and try again.',
      detail,
    };
  }
  return { message: 'Could not check the token. Try again in a moment.', detail };
}
