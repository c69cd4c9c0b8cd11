// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localJobs } from './local-jobs';

const STARTED_KEY = 'gcore-keys:jobs-started';

/** What another tab's write looks like here: the value changes, then a `storage` event says so. */
function anotherTabStarts(ids: readonly string[]): void {
  const newValue = JSON.stringify(ids);
  window.localStorage.setItem(STARTED_KEY, newValue);
  window.dispatchEvent(
    new StorageEvent('storage', {
      key: STARTED_KEY,
      newValue,
      storageArea: window.localStorage,
    }),
  );
}

describe('localJobs', () => {
  let unsubscribe: () => void = () => {};

  afterEach(() => {
    unsubscribe();
    vi.restoreAllMocks();
    window.localStorage.clear();
  });

  it('answers the same object without reading storage again while nothing changed', () => {
    localJobs.started('job-1');
    const listener = vi.fn();
    unsubscribe = localJobs.subscribe(listener);
    const first = localJobs.snapshot();
    const getItem = vi.spyOn(Storage.prototype, 'getItem');

    const second = localJobs.snapshot();

    expect(second).toBe(first);
    expect(second.started).toEqual(['job-1']);
    expect(getItem).not.toHaveBeenCalled();
  });

  it('sees its own writes at the next snapshot', () => {
    unsubscribe = localJobs.subscribe(() => {});
    const before = localJobs.snapshot();

    localJobs.started('job-2');
    localJobs.dismiss('job-2');

    const after = localJobs.snapshot();
    expect(after).not.toBe(before);
    expect(after.started).toEqual(['job-2']);
    expect(after.dismissed).toEqual(['job-2']);
  });

  it('sees a job another tab started, and tells its subscribers', () => {
    const listener = vi.fn();
    unsubscribe = localJobs.subscribe(listener);
    expect(localJobs.snapshot().started).toEqual([]);

    anotherTabStarts(['job-from-another-tab']);

    expect(listener).toHaveBeenCalled();
    expect(localJobs.snapshot().started).toEqual(['job-from-another-tab']);
  });

  it('sees another tab clearing its storage', () => {
    localJobs.started('job-3');
    unsubscribe = localJobs.subscribe(() => {});
    expect(localJobs.snapshot().started).toEqual(['job-3']);

    window.localStorage.clear();
    window.dispatchEvent(
      new StorageEvent('storage', { key: null, storageArea: window.localStorage }),
    );

    expect(localJobs.snapshot().started).toEqual([]);
  });

  it('reads storage afresh when nobody listens for changes', () => {
    localJobs.started('job-4');
    expect(localJobs.snapshot().started).toEqual(['job-4']);

    window.localStorage.clear();

    expect(localJobs.snapshot().started).toEqual([]);
  });
});
