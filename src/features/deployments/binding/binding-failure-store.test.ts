import { describe, expect, it } from 'vitest';
import { BindingFailureStore, type FailureRef } from './binding-failure-store';

const bind: FailureRef = { projectId: 1, keyName: 'k', kind: 'bind', deployment: 'llama' };
const detach: FailureRef = { projectId: 1, keyName: 'k', kind: 'detach', deployment: 'mistral' };
const deletion: FailureRef = { projectId: 1, keyName: 'k', kind: 'delete', deployment: null };
const otherProject: FailureRef = { ...bind, projectId: 2 };
const otherKey: FailureRef = { ...bind, keyName: 'other' };

describe('BindingFailureStore', () => {
  it('forgets every failure of a deleted key, and only of that key in that project', () => {
    const store = new BindingFailureStore();
    for (const ref of [bind, detach, deletion, otherProject, otherKey]) {
      store.failed({ ...ref, message: 'no' }, () => Promise.resolve());
    }
    store.keyGone({ projectId: 1, keyName: 'k' });
    expect(store.getSnapshot().map((f) => `${f.projectId}/${f.keyName}`)).toEqual([
      '2/k',
      '1/other',
    ]);
  });

  it('retries binds, then detaches, then the deletion, each waiting for the one before', async () => {
    const store = new BindingFailureStore();
    const ran: string[] = [];
    const rerun = (what: string) => async () => void ran.push(what);
    store.failed({ ...deletion, message: 'no' }, rerun('delete'));
    store.failed({ ...detach, message: 'no' }, rerun('detach'));
    store.failed({ ...bind, message: 'no' }, rerun('bind'));
    const retry = store.retry(store.getSnapshot().map((failure) => failure.id));
    // At once, before any rerun has ended: nothing offers Retry a second time.
    expect(store.getSnapshot().every((failure) => failure.retrying)).toBe(true);
    await retry;
    expect(ran).toEqual(['bind', 'detach', 'delete']);
  });

  it('keeps one deletion failure per key, whichever detach it stopped at', () => {
    const store = new BindingFailureStore();
    store.failed({ ...deletion, deployment: 'llama', message: 'first' }, () => Promise.resolve());
    store.failed({ ...deletion, message: 'then the DELETE' }, () => Promise.resolve());
    expect(store.getSnapshot()).toEqual([
      expect.objectContaining({ kind: 'delete', deployment: null, message: 'then the DELETE' }),
    ]);
  });
});
