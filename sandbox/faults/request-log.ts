import type { RequestLogEntry } from '../../shared/sandbox-control-contract';

/** Enough for any test's own calls; a long-running dev sandbox must not grow without end. */
export const REQUEST_LOG_LIMIT = 1000;

/** The latest /cloud requests received, oldest first, so tests can assert what was sent. */
export class RequestLog {
  #entries: RequestLogEntry[] = [];

  record(entry: RequestLogEntry): void {
    this.#entries.push(entry);
    if (this.#entries.length > REQUEST_LOG_LIMIT) this.#entries.shift();
  }

  entries(): RequestLogEntry[] {
    return this.#entries.map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.#entries = [];
  }
}
