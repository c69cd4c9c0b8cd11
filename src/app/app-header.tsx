import { useSyncExternalStore } from 'react';
import { ThemeSwitch } from '../components/theme-switch';
import { LazyBoundary } from '../components/ui/lazy-boundary';
import { SignOutButton } from '../features/auth/auth-gate';
import { readAuthMode } from '../features/auth/auth-mode';
import { lazyWithPreload } from '../lib/lazy-with-preload';
import { tokenStore } from '../lib/token-store';
import { ApiTargetBanner } from './api-target-banner';
import { ProjectSwitcher } from './project-switcher';

// Off the first load: the count needs the keys list, which arrives after the first paint anyway.
const [ExpiringSoonButton] = lazyWithPreload(
  () => import('../features/api-keys/expiring-soon-button').then((m) => m.ExpiringSoonButton),
  null,
);

/** Product, where it is connected, which project, who is signed in, and the theme. */
export function AppHeader() {
  const { signedIn } = useSyncExternalStore(tokenStore.subscribe, tokenStore.getState);
  // Projects are read with the user's token: before sign-in there is nothing to switch.
  const canRead = readAuthMode() === 'server' || signedIn;
  return (
    <header data-covered-by-sheet className="border-line bg-surface border-b">
      <div className="mx-auto flex max-w-[96rem] flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <div className="flex items-center gap-2">
          <img src="/favicon.svg" alt="" width={24} height={24} className="size-6" />
          <h1 className="text-base font-semibold tracking-tight whitespace-nowrap">
            Gcore Inference API keys
          </h1>
        </div>
        <div className="min-w-0 grow basis-64">
          <ApiTargetBanner />
        </div>
        {/* Before the project, outside its group: coming and going, it moves nothing else. */}
        {canRead && (
          <LazyBoundary what="the expiring-soon count">
            <ExpiringSoonButton />
          </LazyBoundary>
        )}
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          {canRead && <ProjectSwitcher />}
          <SignOutButton />
          <ThemeSwitch />
        </div>
      </div>
    </header>
  );
}
