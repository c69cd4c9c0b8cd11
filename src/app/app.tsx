import { AuthGate, SignOutButton } from '../features/auth/auth-gate';
import { ApiTargetBanner } from './api-target-banner';
import { KeysPage } from '../features/api-keys/keys-page';

export function App() {
  return (
    <div className="mx-auto flex min-h-screen max-w-[96rem] flex-col gap-6 px-4 py-8">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Gcore Inference API keys</h1>
        <div className="flex flex-wrap items-center gap-3">
          <ApiTargetBanner />
          <SignOutButton />
        </div>
      </header>
      <main>
        <AuthGate>
          <KeysPage />
        </AuthGate>
      </main>
    </div>
  );
}
