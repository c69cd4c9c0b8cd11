import { useSyncExternalStore } from 'react';
import { ThemeSwitch } from '../components/theme-switch';
import { SignOutButton } from '../features/auth/auth-gate';
import { readAuthMode } from '../features/auth/auth-mode';
import { tokenStore } from '../lib/token-store';
import { setUrlSearch, useUrlFact } from '../lib/use-url-search';
import { isActivityView, openActivity } from '../features/activity/model/activity-view';
import { ApiTargetBanner } from './api-target-banner';
import { HEADER_COUNT_SLOT } from '../lib/header-slot';
import { ProjectSwitcher } from './project-switcher';

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
        {/*
          The keys list's "N expiring soon" (a portal: it comes with the list's chunk, off the
          first load). Before the project's group on a wide screen, after it where the header wraps:
          coming and going, it moves nothing else.
        */}
        <div id={HEADER_COUNT_SLOT} className="contents" />
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          {canRead && <ProjectSwitcher />}
          {canRead && <ActivityButton />}
          <SignOutButton />
          <ThemeSwitch />
        </div>
      </div>
    </header>
  );
}

/** Who did what: the activity view of the project the header shows. */
function ActivityButton() {
  const open = useUrlFact(isActivityView);
  return (
    // The height of the project picker beside it: the header's row keeps one height whatever
    // comes and goes in it (the expiring-soon count).
    <button
      type="button"
      aria-current={open ? 'page' : undefined}
      onClick={() => setUrlSearch(openActivity())}
      className="border-line-strong bg-surface text-fg hover:bg-surface-muted focus-visible:outline-focus aria-[current=page]:bg-surface-strong rounded-md border px-2.5 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2"
    >
      Activity
    </button>
  );
}
