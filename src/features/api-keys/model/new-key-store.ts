import { useSyncExternalStore } from 'react';

/**
 * Keys created in this tab, for the list: each is marked "New", and the one whose reveal dialog
 * just closed takes focus in the table, or, when it is not in the view (another page, a
 * filter), focus goes to the create form's Name field. A store read where it is needed, instead
 * of callbacks threaded form → page → panel → table.
 */
type NewKeys = {
  ids: ReadonlySet<string>;
  /** The row to focus once it is on screen. */
  focusId: string | null;
};

let state: NewKeys = { ids: new Set(), focusId: null };
const listeners = new Set<() => void>();
let lists = 0;
let nameInput: HTMLElement | null = null;

function update(next: NewKeys) {
  state = next;
  listeners.forEach((listener) => listener());
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const newKeyStore = {
  added(keyId: string) {
    if (!state.ids.has(keyId)) update({ ...state, ids: new Set(state.ids).add(keyId) });
  },
  /** The reveal closed. False when no list is on the page to take focus: the caller keeps it. */
  revealClosed(keyId: string): boolean {
    if (lists === 0) return false;
    update({ ...state, focusId: keyId });
    return true;
  },
  /** The table focused the row. */
  focused() {
    if (state.focusId !== null) update({ ...state, focusId: null });
  },
  /** The create form's Name field takes focus (the new row is not in the view, or no list is). */
  focusName() {
    newKeyStore.focused();
    nameInput?.focus();
  },
  /** For the create form's Name field (a ref callback). */
  nameInput(element: HTMLElement | null) {
    nameInput = element;
  },
  /** A list that can take focus is mounted (an effect); returns its cleanup. */
  listMounted(): () => void {
    lists += 1;
    return () => {
      lists -= 1;
    };
  },
};

export function useNewKeys(): NewKeys {
  return useSyncExternalStore(subscribe, () => state);
}
