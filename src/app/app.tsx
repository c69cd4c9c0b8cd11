import { AuthGate } from '../features/auth/auth-gate';
import { KeysPage } from '../features/api-keys/keys-page';
import { AppHeader } from './app-header';

export function App() {
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader />
      <main className="mx-auto w-full max-w-[96rem] px-4 py-6">
        <AuthGate>
          <KeysPage />
        </AuthGate>
      </main>
    </div>
  );
}
