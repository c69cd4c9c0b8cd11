import { ModalDialog } from '../../components/ui/modal-dialog';
import type { SessionState } from '../../lib/token-store';
import { SignInForm } from './sign-in-form';

/** Sign in again over the page, which stays mounted so that nothing typed is lost. */
export function SignInDialog({ reason }: { reason: SessionState['endedBy'] }) {
  return (
    <ModalDialog title="Sign in" onClose={() => undefined}>
      <SignInForm reason={reason} />
    </ModalDialog>
  );
}
