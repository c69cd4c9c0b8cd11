import { AuthGate } from '../features/auth/auth-gate';
import { KeysPage } from '../features/api-keys/keys-page';
import { AppHeader } from './app-header';
import { BindingFailureNotices } from './binding-failure-notices';

export function App() {
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader />
      {/* Focusable by code: where focus goes when what held it (a notice) leaves. */}
      <main tabIndex={-1} className="mx-auto w-full max-w-[96rem] px-4 py-6 focus:outline-none">
        <AuthGate>
          <KeysPage />
        </AuthGate>
      </main>
      <BindingFailureNotices />
    </div>
  );
}
