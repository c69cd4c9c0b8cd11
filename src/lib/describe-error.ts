import { isApiError } from './api-error';

/** One line for an error shown to the user, with the request id support will ask for. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const requestId = isApiError(error) && error.requestId ? ` (request ID ${error.requestId})` : '';
  return `${message}${requestId}`;
}
