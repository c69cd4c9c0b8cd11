import { describe, expect, it } from 'vitest';
import { taskPollIntervalMs } from './binding-config';

/** Just enough of a page for the reader: the unit project runs in Node, with no DOM. */
const pageWith = (content: string | null) =>
  ({
    querySelector: (selector: string) =>
      selector === 'meta[name="gcore-task-poll-ms"]' && content !== null ? { content } : null,
  }) as unknown as Document;

describe('taskPollIntervalMs', () => {
  it('reads the interval the server set', () => {
    expect(taskPollIntervalMs(pageWith('250'))).toBe(250);
  });

  it.each([null, '', '0', '-5', '1.5', 'soon', '3s'])('falls back to 3 s for %j', (content) => {
    expect(taskPollIntervalMs(pageWith(content))).toBe(3_000);
  });

  it('falls back to 3 s where there is no page at all', () => {
    expect(taskPollIntervalMs(undefined)).toBe(3_000);
  });
});
