import type { SessionState } from '../../lib/token-store';
import { SignInForm } from './sign-in-form';

/** The whole page before a personal token is accepted. */
export function SignInPage({ reason }: { reason: SessionState['endedBy'] }) {
  return (
    <section
      aria-labelledby="sign-in-heading"
      className="border-line bg-surface mx-auto mt-16 w-full max-w-md rounded-xl border p-6 shadow-sm"
    >
      <h2 id="sign-in-heading" className="mb-4 text-lg font-semibold">
        Sign in
      </h2>
      <SignInForm reason={reason} />
    </section>
  );
}
