/**
 * The user's own API token (personal sign-in). It lives in this module's memory for the tab;
 * only an explicit "remember in this tab" copies it to sessionStorage, which the browser drops
 * when the tab closes. Nothing longer-lived ever holds it.
 */
const REMEMBER_KEY = 'gcore-dashboard-token';

/**
 * What components see: whether someone is signed in, never the token. React keeps the previous
 * render's state (the fiber's alternate) after the next one, so a token in this snapshot would
 * stay reachable in the page after Sign out.
 */
export type SessionState = {
  signedIn: boolean;
  endedBy: 'sign-out' | 'rejected' | null;
  /** Whether the page has been shown since the last sign-out: a 401 must not unmount it. */
  pageShown: boolean;
};

let token: string | null = readRemembered();
let state: SessionState = { signedIn: token !== null, endedBy: null, pageShown: token !== null };
const listeners = new Set<() => void>();

function readRemembered(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(REMEMBER_KEY) ?? null;
  } catch {
    return null;
  }
}

function update(next: SessionState) {
  state = next;
  listeners.forEach((listener) => listener());
}

export const tokenStore = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getState: (): SessionState => state,
  /** For the API client only: the one place the token is read. */
  getToken: (): string | null => token,
  signIn(next: string, remember: boolean) {
    if (remember) sessionStorage.setItem(REMEMBER_KEY, next);
    else sessionStorage.removeItem(REMEMBER_KEY);
    token = next;
    update({ signedIn: true, endedBy: null, pageShown: true });
  },
  /** `rejected`: the API answered 401 mid-session; the page keeps what the user typed. */
  end(reason: 'sign-out' | 'rejected') {
    sessionStorage.removeItem(REMEMBER_KEY);
    if (token === null) return;
    token = null;
    update({ signedIn: false, endedBy: reason, pageShown: reason === 'rejected' });
  },
};
