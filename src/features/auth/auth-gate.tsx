import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { LazyBoundary } from '../../components/ui/lazy-boundary';
import { lazyWithPreload } from '../../lib/lazy-with-preload';
import { tokenStore } from '../../lib/token-store';
import { readAuthMode } from './auth-mode';

// Needed only when a session ends mid-page: the dialog (and the modal primitive) is a chunk of
// its own, preloaded once the signed-in page is up, so the first load does not carry it.
const opening = <p role="status">Your session ended: opening Sign in…</p>;
const [SignInDialog, preloadSignInDialog] = lazyWithPreload(
  () => import('./sign-in-dialog').then((m) => m.SignInDialog),
  opening,
);

// Only personal sign-in shows these; with the server's own token (the default) they never load.
// In personal mode the sign-in page is fetched at once, beside the first render.
const loadingSignIn = <p role="status">Loading Sign in…</p>;
const [SignInPage, preloadSignInPage] = lazyWithPreload(
  () => import('./sign-in-page').then((m) => m.SignInPage),
  loadingSignIn,
);
if (readAuthMode() === 'personal' && !tokenStore.getState().signedIn) preloadSignInPage();

/**
 * With personal sign-in, nothing is shown before a token is accepted. A 401 later brings Sign in
 * back over the page, which stays mounted so that nothing typed is lost.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const { signedIn, endedBy, pageShown } = useSyncExternalStore(
    tokenStore.subscribe,
    tokenStore.getState,
  );
  const queryClient = useQueryClient();

  useEffect(() => {
    if (pageShown && readAuthMode() === 'personal') preloadSignInDialog();
  }, [pageShown]);

  useEffect(() => {
    // Another user may sign in next in this tab: nothing of this one's data may stay.
    if (endedBy === 'sign-out') queryClient.clear();
  }, [endedBy, queryClient]);

  if (readAuthMode() === 'server') return children;
  if (!signedIn && !pageShown) {
    return (
      <LazyBoundary what="the Sign in page">
        <Suspense fallback={loadingSignIn}>
          <SignInPage reason={endedBy} />
        </Suspense>
      </LazyBoundary>
    );
  }
  return (
    <>
      {children}
      {!signedIn && (
        <LazyBoundary what="the Sign in dialog">
          <Suspense fallback={opening}>
            <SignInDialog reason={endedBy} />
          </Suspense>
        </LazyBoundary>
      )}
    </>
  );
}

export function SignOutButton() {
  const { signedIn } = useSyncExternalStore(tokenStore.subscribe, tokenStore.getState);
  if (readAuthMode() === 'server' || !signedIn) return null;
  return (
    <p className="flex items-center gap-2 text-sm">
      <span className="text-fg-muted">Signed in with your token</span>
      <button
        type="button"
        className="focus-visible:outline-focus rounded underline focus-visible:outline-2"
        onClick={() => tokenStore.end('sign-out')}
      >
        Sign out
      </button>
    </p>
  );
}
