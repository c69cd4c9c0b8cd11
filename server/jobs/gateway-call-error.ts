/**
 * `http`: the gateway or the API answered an error status. `network`: the connection failed or
 * dropped. `timeout`: no answer within the call's deadline. `invalid-answer`: 2xx, but not in the
 * contract's shape.
 */
export type GatewayCallErrorKind = 'http' | 'network' | 'timeout' | 'invalid-answer';

export type GatewayCallErrorInit = {
  kind: GatewayCallErrorKind;
  message: string;
  status?: number | null;
  exceptionClass?: string | null;
  requestId?: string | null;
  retryAfterSeconds?: number | null;
};

/** What a job's call to its own `/cloud` throws: facts, the steps decide what they mean. */
export class GatewayCallError extends Error {
  readonly kind: GatewayCallErrorKind;
  readonly status: number | null;
  readonly exceptionClass: string | null;
  readonly requestId: string | null;
  readonly retryAfterSeconds: number | null;

  constructor(init: GatewayCallErrorInit) {
    super(init.message);
    this.name = 'GatewayCallError';
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.exceptionClass = init.exceptionClass ?? null;
    this.requestId = init.requestId ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  /** The gateway never opened a connection to the API: nothing was sent, nothing happened. */
  get neverSent(): boolean {
    return this.status === 502 && this.exceptionClass === 'UpstreamUnreachable';
  }

  /** A write may have reached the API although no success came back. */
  get outcomeUnknown(): boolean {
    if (this.neverSent) return false;
    return (
      this.kind === 'network' ||
      this.kind === 'timeout' ||
      this.kind === 'invalid-answer' ||
      (this.status !== null && this.status >= 500)
    );
  }

  /** Worth asking again after a pause: the API was busy, down or unreachable for a moment. */
  get transient(): boolean {
    return (
      this.kind === 'network' ||
      this.kind === 'timeout' ||
      this.status === 429 ||
      (this.status !== null && this.status >= 500)
    );
  }

  /** The message with the request id support will ask for. */
  describe(): string {
    return this.requestId ? `${this.message} (request ID ${this.requestId})` : this.message;
  }
}

export const isGatewayCallError = (error: unknown): error is GatewayCallError =>
  error instanceof GatewayCallError;
