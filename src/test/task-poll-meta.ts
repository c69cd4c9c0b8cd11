import { afterAll, beforeAll } from 'vitest';

/** Sets how often binding tasks are polled (a meta tag, as the server sets it), for one file. */
export function withTaskPollMs(ms: number): void {
  beforeAll(() => {
    const meta = Object.assign(document.createElement('meta'), {
      name: 'gcore-task-poll-ms',
      content: String(ms),
    });
    document.head.append(meta);
  });
  afterAll(() => document.head.querySelector('meta[name="gcore-task-poll-ms"]')?.remove());
}
