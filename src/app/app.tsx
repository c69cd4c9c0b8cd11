import { KeysPage } from './keys-page';
import { ApiTargetBanner } from './api-target-banner';

export function App() {
  return (
    <div className="mx-auto flex min-h-screen max-w-[96rem] flex-col gap-6 px-4 py-8">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Gcore Inference API keys</h1>
        <ApiTargetBanner />
      </header>
      <main>
        <KeysPage />
      </main>
    </div>
  );
}
