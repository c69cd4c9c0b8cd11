import type { AuthVerdict } from './auth';

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

/** The /cloud requests the sandbox received, oldest first, so tests can assert what was sent. */
export class RequestLog {
  #entries: RequestLogEntry[] = [];

  record(entry: RequestLogEntry): void {
    this.#entries.push(entry);
  }

  entries(): RequestLogEntry[] {
    return this.#entries.map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.#entries = [];
  }
}
