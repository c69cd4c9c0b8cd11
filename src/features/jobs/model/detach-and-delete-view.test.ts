import { describe, expect, it } from 'vitest';
import type { Job } from '../api/job-contract';
import { detachAndDeleteView } from './detach-and-delete-view';

const job = (change: Partial<Job>): Job => ({
  id: 'job-1',
  kind: 'detach-and-delete',
  state: 'running',
  project_id: 1,
  key_name: 'k',
  steps: [
    { deployment: 'a', status: 'done', message: null },
    { deployment: 'b', status: 'running', message: null },
  ],
  key_deleted: false,
  failure: null,
  started_by: 'shared token',
  created_at: '2030-01-01T00:00:00Z',
  updated_at: '2030-01-01T00:00:00Z',
  run_after: null,
  rotation: null,
  ...change,
});

describe('detachAndDeleteView', () => {
  it('before the job exists: every deployment still attached, or why the job did not start', () => {
    expect(detachAndDeleteView(undefined, 'k', ['a', 'b'], null)).toEqual({
      state: {
        keyName: 'k',
        detached: [],
        remaining: ['a', 'b'],
        keyDeleted: false,
        failure: null,
      },
      current: null,
      running: false,
    });
    const refused = detachAndDeleteView(undefined, 'k', ['a'], 'HTTP 400');
    expect(refused.state.failure?.message).toBe('The job did not start: HTTP 400');
  });

  it('while it runs: what is detached, the deployment being detached', () => {
    const view = detachAndDeleteView(job({}), 'k', ['a', 'b'], null);
    expect(view.state.detached).toEqual(['a']);
    expect(view.state.remaining).toEqual(['b']);
    expect(view.current).toBe('b');
    expect(view.running).toBe(true);
  });

  it('a failed job: where it stopped and why; an interrupted one says so', () => {
    const failed = job({
      state: 'failed',
      failure: 'GPU quota',
      steps: [
        { deployment: 'a', status: 'done', message: null },
        { deployment: 'b', status: 'failed', message: 'GPU quota' },
      ],
    });
    expect(detachAndDeleteView(failed, 'k', ['a', 'b'], null).state.failure).toEqual({
      deployment: 'b',
      message: 'GPU quota',
      interrupted: false,
    });
    const lost = job({ state: 'interrupted', failure: 'The server restarted.' });
    expect(detachAndDeleteView(lost, 'k', ['a', 'b'], null).state.failure).toEqual({
      deployment: 'b',
      message: 'The server restarted.',
      interrupted: true,
    });
  });

  it('done: the key is deleted', () => {
    const done = job({
      state: 'done',
      key_deleted: true,
      steps: [{ deployment: 'a', status: 'done', message: null }],
    });
    const view = detachAndDeleteView(done, 'k', ['a'], null);
    expect(view.state.keyDeleted).toBe(true);
    expect(view.running).toBe(false);
  });
});
