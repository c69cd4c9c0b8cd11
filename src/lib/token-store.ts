/**
 * The user's own API token (personal sign-in). It lives in this module's memory for the tab;
 * only an explicit "remember in this tab" copies it to sessionStorage, which the browser drops
 * when the tab closes. Nothing longer-lived ever holds it.
 */
const REMEMBER_KEY = 'gcore-dashboard-token';

type TokenState = {
  token: string | null;
  endedBy: 'sign-out' | 'rejected' | null;
  /** Whether the page has been shown since the last sign-out: a 401 must not unmount it. */
  pageShown: boolean;
};

const remembered = readRemembered();
let state: TokenState = { token: remembered, endedBy: null, pageShown: remembered !== null };
const listeners = new Set<() => void>();

function readRemembered(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(REMEMBER_KEY) ?? null;
  } catch {
    return null;
  }
}

function update(next: TokenState) {
  state = next;
  listeners.forEach((listener) => listener());
}

export const tokenStore = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getState: (): TokenState => state,
  getToken: (): string | null => state.token,
  signIn(token: string, remember: boolean) {
    if (remember) sessionStorage.setItem(REMEMBER_KEY, token);
    else sessionStorage.removeItem(REMEMBER_KEY);
    update({ token, endedBy: null, pageShown: true });
  },
  /** `rejected`: the API answered 401 mid-session; the page keeps what the user typed. */
  end(reason: 'sign-out' | 'rejected') {
    sessionStorage.removeItem(REMEMBER_KEY);
    if (state.token !== null)
      update({ token: null, endedBy: reason, pageShown: reason === 'rejected' });
  },
};
