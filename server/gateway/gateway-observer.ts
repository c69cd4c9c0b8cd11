/**
 * What the gateway tells whoever counts its traffic (metrics). `route` is always a route
 * template or a fixed word, never a raw path: a path holds key names and ids without bound.
 */
export type GatewayObserver = {
  /** A `/cloud` request answered (or abandoned: 499), once. */
  answered(route: string, method: string, status: number): void;
  /** One forward to the API, from sending to its last byte. */
  upstream(route: string, method: string, seconds: number): void;
};

/** The route label of a call that matched no row of the route table. */
export const UNMATCHED_ROUTE = 'unmatched';
