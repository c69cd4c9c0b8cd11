const STATUS_WORDS: Record<number, string> = {
  400: 'The API rejected the request as invalid.',
  401: 'The API did not accept the credentials.',
  403: 'The token is not allowed to do this.',
  404: 'Not found.',
  409: 'This conflicts with something that already exists.',
  429: 'The API asked to slow down (too many requests).',
};

/** What an error status says when its body says nothing (an HTML page from a proxy). */
export function statusMessage(status: number): string {
  return (
    STATUS_WORDS[status] ??
    (status >= 500 ? `The API failed (HTTP ${status}).` : `The API answered HTTP ${status}.`)
  );
}
