// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { TaskMemory } from './task-memory.ts';

const TASK = '0b7f6a2e-3c1d-4e5f-8a9b-0c1d2e3f4a5b';

describe('the tasks this server started', () => {
  it('knows a task from a deployment PATCH answer for an hour, then forgets it', () => {
    let now = 1_000_000;
    const memory = new TaskMemory({ now: () => now });
    expect(memory.knows(TASK)).toBe(false);
    memory.rememberAnswer({ tasks: [TASK] });
    now += 60 * 60 * 1000 - 1;
    expect(memory.knows(TASK)).toBe(true);
    now += 1;
    expect(memory.knows(TASK)).toBe(false);
  });

  it('keeps at most its bound, forgetting the oldest first', () => {
    const memory = new TaskMemory({ now: () => 0, max: 2 });
    memory.rememberAnswer({ tasks: ['a', 'b'] });
    memory.rememberAnswer({ tasks: ['c'] });
    expect(['a', 'b', 'c'].map((id) => memory.knows(id))).toEqual([false, true, true]);
  });

  it('learns nothing from an answer that is not a task list', () => {
    const memory = new TaskMemory({ now: () => 0 });
    memory.rememberAnswer({ tasks: [{ id: TASK }] });
    memory.rememberAnswer(['tasks', TASK]);
    memory.rememberAnswer(undefined);
    expect(memory.knows(TASK)).toBe(false);
  });
});
