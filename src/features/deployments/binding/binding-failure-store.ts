import type { QueryClient } from '@tanstack/react-query';

type KeyRef = { projectId: number; keyName: string };

/** What did not land: one deployment's bind or detach, or a key's "Detach and delete". */
export type FailedWork =
  | { kind: 'bind' | 'detach'; deployment: string }
  /** Stopped at detaching from `deployment`, or (null) at the final DELETE. */
  | { kind: 'delete'; deployment: string | null };

/** Work that ended without landing, as the notices and the list show it. */
export type BindingFailure = KeyRef &
  FailedWork & {
    /** One failure per key and deployment (its latest bind or detach), one per key's deletion. */
    id: string;
    /** Why, in words: the API's task error, "still running", a concurrent edit, the DELETE's. */
    message: string;
    /** A retry is running: the notice says so instead of offering Retry again. */
    retrying: boolean;
    /** The person closed its notice; the list keeps marking the key until a retry lands. */
    noticeDismissed: boolean;
  };

export type FailureRef = KeyRef & FailedWork;
/** The failure as shown, apart from how to run its work again, which no reader gets. */
type Entry = { failure: BindingFailure; rerun: () => Promise<unknown> };

export const failureId = (ref: FailureRef) =>
  `${ref.projectId}/${ref.keyName}/${ref.kind === 'delete' ? 'delete' : ref.deployment}`;

/** Retried in this order: attaches first, so a key being moved never serves neither side. */
const RETRY_ORDER: readonly BindingFailure['kind'][] = ['bind', 'detach', 'delete'];

/**
 * The failed binding jobs and deletions of one query client. A finished mutation leaves the cache
 * after its gcTime, so a failure is kept here instead: until a retry lands or the key is gone.
 * Each entry carries how to run its work again, so whoever shows it needs nothing but this store.
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

  /** The work ended without landing; `rerun` starts it again. A new failure shows its notice. */
  failed(failure: FailureRef & { message: string }, rerun: Entry['rerun']) {
    const id = failureId(failure);
    this.#entries.set(id, {
      failure: { ...failure, id, retrying: false, noticeDismissed: false },
      rerun,
    });
    this.#changed();
  }

  /** The work landed: nothing left to say about it. */
  landed(ref: FailureRef) {
    if (this.#entries.delete(failureId(ref))) this.#changed();
  }

  /** The key is deleted: none of its failures can be retried, or matters, any more. */
  keyGone({ projectId, keyName }: KeyRef) {
    let touched = false;
    for (const [id, { failure }] of this.#entries) {
      if (failure.projectId !== projectId || failure.keyName !== keyName) continue;
      this.#entries.delete(id);
      touched = true;
    }
    if (touched) this.#changed();
  }

  /** The same work started again (here or from a dialog's Retry). */
  started(ref: FailureRef) {
    this.#update([failureId(ref)], { retrying: true });
  }

  /** Runs the work again, a kind at a time in `RETRY_ORDER`. */
  async retry(ids: readonly string[]) {
    const entries = ids.flatMap((id) => this.#entries.get(id) ?? []);
    // At once, whatever runs the work: the notice and the row must not offer Retry twice.
    this.#update(ids, { retrying: true });
    for (const kind of RETRY_ORDER) {
      const due = entries.filter((entry) => entry.failure.kind === kind);
      await Promise.all(due.map((entry) => entry.rerun().catch(() => {})));
    }
  }

  dismiss(ids: readonly string[]) {
    this.#update(ids, { noticeDismissed: true });
  }

  #update(
    ids: readonly string[],
    change: Partial<Pick<BindingFailure, 'retrying' | 'noticeDismissed'>>,
  ) {
    let touched = false;
    for (const id of ids) {
      const entry = this.#entries.get(id);
      if (entry) this.#entries.set(id, { ...entry, failure: { ...entry.failure, ...change } });
      touched ||= entry !== undefined;
    }
    if (touched) this.#changed();
  }

  #changed() {
    this.#snapshot = [...this.#entries.values()].map((entry) => entry.failure);
    for (const listener of this.#listeners) listener();
  }
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
