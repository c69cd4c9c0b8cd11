export type ApiErrorKind =
  /** The API answered with an error status. */
  | 'http'
  /** The connection failed or dropped: a write may or may not have happened. */
  | 'network'
  /** No answer within the client's time limit: a write may or may not have happened. */
  | 'timeout'
  /** The user cancelled the request. */
  | 'cancelled'
  /** The API answered 2xx, but not in the contract's shape. */
  | 'invalid-response';

export type ApiErrorInit = {
  kind: ApiErrorKind;
  message: string;
  status?: number | null;
  exceptionClass?: string | null;
  requestId?: string | null;
  invalidFields?: Record<string, string[]>;
  retryAfterSeconds?: number | null;
};

/** The one error type the API client throws. It carries facts, never UI decisions. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | null;
  readonly exceptionClass: string | null;
  readonly requestId: string | null;
  readonly invalidFields: Record<string, string[]>;
  readonly retryAfterSeconds: number | null;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.exceptionClass = init.exceptionClass ?? null;
    this.requestId = init.requestId ?? null;
    this.invalidFields = init.invalidFields ?? {};
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  /**
   * True when the request never reached the API: the dashboard's gateway answers 502
   * `UpstreamUnreachable` only when the connection to the API was never made (refused, no such
   * host), so a write cannot have happened.
   */
  get neverSent(): boolean {
    return (
      this.kind === 'http' && this.status === 502 && this.exceptionClass === 'UpstreamUnreachable'
    );
  }

  /** True when a write may have reached the API although no success was seen. */
  get outcomeUnknown(): boolean {
    if (this.neverSent) return false;
    return (
      this.kind === 'network' ||
      this.kind === 'timeout' ||
      this.kind === 'invalid-response' ||
      (this.status !== null && this.status >= 500)
    );
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
