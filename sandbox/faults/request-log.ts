import type { AuthVerdict } from '../http/auth';

export interface RequestLogEntry {
  method: string;
  path: string;
  /** The raw query string without the leading `?`; '' when there is none. */
  query: string;
  /** The parsed JSON body; null for no body or a body that is not JSON. */
  body: unknown;
  /** Only the verdict: the raw Authorization header is never kept. */
  authorization: AuthVerdict;
  /** The id of the fault that answered (or delayed) the request, null when none did. */
  faultId: number | null;
  at: string;
}

/** Enough for any test's own calls; a long-running dev sandbox must not grow without end. */
export const REQUEST_LOG_LIMIT = 1000;

/** The latest /cloud requests received, oldest first, so tests can assert what was sent. */
export class RequestLog {
  #entries: RequestLogEntry[] = [];

  constructor(private readonly limit = REQUEST_LOG_LIMIT) {}

  record(entry: RequestLogEntry): void {
    this.#entries.push(entry);
    if (this.#entries.length > this.limit) this.#entries.shift();
  }

  entries(): RequestLogEntry[] {
    return this.#entries.map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.#entries = [];
  }
}
