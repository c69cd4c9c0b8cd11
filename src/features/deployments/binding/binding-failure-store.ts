import type { QueryClient } from '@tanstack/react-query';

/** A binding job that ended without landing, as the notices and the list show it. */
export type BindingFailure = {
  /** `projectId/keyName/deployment`: one failure per key and deployment. */
  id: string;
  projectId: number;
  keyName: string;
  deployment: string;
  attach: boolean;
  /** Why, in words: the API's task error, "still running", a concurrent edit. */
  message: string;
  /** A retry is running: the notice says so instead of offering Retry again. */
  retrying: boolean;
  /** The person closed its notice; the list keeps marking the key until a retry lands. */
  noticeDismissed: boolean;
};

type JobRef = Pick<BindingFailure, 'projectId' | 'keyName' | 'deployment'>;
type Entry = BindingFailure & { rerun: () => Promise<unknown> };

export const failureId = (job: JobRef) => `${job.projectId}/${job.keyName}/${job.deployment}`;

/**
 * The failed binding jobs of one query client. A finished mutation leaves the cache after its
 * gcTime, so a failure is kept here instead: until a retry lands. Each entry carries how to run
 * its job again, so whoever shows it needs nothing but this store.
 */
export class BindingFailureStore {
  #entries = new Map<string, Entry>();
  #snapshot: readonly BindingFailure[] = [];
  #listeners = new Set<() => void>();

  subscribe = (listener: () => void) => {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  };

  getSnapshot = (): readonly BindingFailure[] => this.#snapshot;

  /** The job ended without landing; `rerun` starts it again. A new failure shows its notice. */
  failed(job: Omit<BindingFailure, 'id' | 'retrying' | 'noticeDismissed'>, rerun: Entry['rerun']) {
    const id = failureId(job);
    this.#entries.set(id, { ...job, id, rerun, retrying: false, noticeDismissed: false });
    this.#changed();
  }

  /** The job landed: nothing left to say about it. */
  landed(job: JobRef) {
    if (this.#entries.delete(failureId(job))) this.#changed();
  }

  /** A job for this key and deployment started again (here or from a dialog's Retry). */
  started(job: JobRef) {
    this.#update([failureId(job)], { retrying: true });
  }

  /** Runs the jobs again: attaches first, so a key being moved never serves neither side. */
  async retry(ids: readonly string[]) {
    const entries = ids.flatMap((id) => this.#entries.get(id) ?? []);
    // At once, whatever runs the job: the notice and the row must not offer Retry twice.
    this.#update(ids, { retrying: true });
    const run = (attach: boolean) =>
      Promise.all(entries.filter((e) => e.attach === attach).map((e) => e.rerun().catch(() => {})));
    await run(true);
    await run(false);
  }

  dismiss(ids: readonly string[]) {
    this.#update(ids, { noticeDismissed: true });
  }

  #update(ids: readonly string[], change: Partial<BindingFailure>) {
    let touched = false;
    for (const id of ids) {
      const entry = this.#entries.get(id);
      if (entry) this.#entries.set(id, { ...entry, ...change });
      touched ||= entry !== undefined;
    }
    if (touched) this.#changed();
  }

  #changed() {
    this.#snapshot = [...this.#entries.values()].map(withoutRerun);
    for (const listener of this.#listeners) listener();
  }
}

function withoutRerun(entry: Entry): BindingFailure {
  const { id, projectId, keyName, deployment, attach, message, retrying, noticeDismissed } = entry;
  return { id, projectId, keyName, deployment, attach, message, retrying, noticeDismissed };
}

const stores = new WeakMap<QueryClient, BindingFailureStore>();

/** One store per query client, beside its MutationCache (a test's fresh client starts empty). */
export function bindingFailureStore(client: QueryClient): BindingFailureStore {
  let store = stores.get(client);
  if (!store) {
    store = new BindingFailureStore();
    stores.set(client, store);
  }
  return store;
}
