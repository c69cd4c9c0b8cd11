import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { tokenStore } from '../../lib/token-store';
import { readAuthMode } from './auth-mode';
import { SignInForm } from './sign-in-form';

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
    // Another user may sign in next in this tab: nothing of this one's data may stay.
    if (endedBy === 'sign-out') queryClient.clear();
  }, [endedBy, queryClient]);

  if (readAuthMode() === 'server') return children;
  if (!signedIn && !pageShown) {
    return (
      <section
        aria-labelledby="sign-in-heading"
        className="mx-auto mt-16 w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
      >
        <h2 id="sign-in-heading" className="mb-4 text-lg font-semibold">
          Sign in
        </h2>
        <SignInForm reason={endedBy} />
      </section>
    );
  }
  return (
    <>
      {children}
      {!signedIn && (
        <ModalDialog title="Sign in" onClose={() => undefined}>
          <SignInForm reason={endedBy} />
        </ModalDialog>
      )}
    </>
  );
}

export function SignOutButton() {
  const { signedIn } = useSyncExternalStore(tokenStore.subscribe, tokenStore.getState);
  if (readAuthMode() === 'server' || !signedIn) return null;
  return (
    <button type="button" className="text-sm underline" onClick={() => tokenStore.end('sign-out')}>
      Sign out
    </button>
  );
}
