/**
 * The header the dashboard's page puts on every call to its own server (`/cloud/…`,
 * `/__app/…`), and the server requires. A page of another site cannot send it without asking
 * first: a custom header makes the browser preflight, and the server answers no CORS. An `<img>`,
 * a form or a `no-cors` fetch cannot set it at all. That holds where `Sec-Fetch-*` does not:
 * browsers send those only to secure origins, so a dashboard served over plain HTTP on a
 * non-loopback host would otherwise take a cross-site GET for the operator's own.
 * Shared by the page and the server so the two cannot drift.
 */
export const REQUESTED_BY_HEADER = 'x-requested-by';
export const REQUESTED_BY_VALUE = 'gcore-keys-dashboard';

/** The header as a headers object, for fetch calls and test clients. */
export const REQUESTED_BY: Readonly<Record<string, string>> = {
  [REQUESTED_BY_HEADER]: REQUESTED_BY_VALUE,
};
