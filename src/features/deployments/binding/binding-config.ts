import { DEFAULT_POLL_INTERVAL_MS } from '../api/v3/binding-orchestrator';

/**
 * How often a binding task is polled: the server may set it through a meta tag
 * (`gcore-task-poll-ms`), so a test or a slow link can change it without a rebuild. Anything but
 * a positive whole number falls back to the Decision's 3 s.
 */
export function taskPollIntervalMs(doc: Document | undefined = globalThis.document): number {
  const content = doc?.querySelector<HTMLMetaElement>('meta[name="gcore-task-poll-ms"]')?.content;
  const value = Number(content);
  return content && Number.isInteger(value) && value > 0 ? value : DEFAULT_POLL_INTERVAL_MS;
}
