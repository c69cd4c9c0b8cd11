import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { LazyBoundary } from '../components/ui/lazy-boundary';
import { AuthGate } from '../features/auth/auth-gate';
import { KeysPage } from '../features/api-keys/keys-page';
import { afterFirstScreen } from '../lib/first-screen';
import { lazyWithPreload } from '../lib/lazy-with-preload';
import { useUrlFact } from '../lib/use-url-search';
import { isActivityView } from '../features/activity/model/activity-view';
import { AppHeader } from './app-header';

// Off the first load, and mounted (its chunk fetched, the jobs it follows read) once the list is
// shown: a binding fails seconds after it starts, and the list is what the page is opened for.
const [BindingFailureNotices] = lazyWithPreload(
  () => import('./binding-failure-notices').then((m) => m.BindingFailureNotices),
  null,
);

// Off the first load (its budget is spent): fetched only when someone opens the view.
const [ActivityPage] = lazyWithPreload(
  () => import('../features/activity/activity-page').then((m) => m.ActivityPage),
  <p role="status">Loading the activity…</p>,
);

export function App() {
  // Only which view: the whole app would otherwise re-render as the list's filter reaches the URL.
  const activity = useUrlFact(isActivityView);
  const client = useQueryClient();
  const [noticesDue, setNoticesDue] = useState(false);
  useEffect(() => afterFirstScreen(client, () => setNoticesDue(true)), [client]);
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader />
      {/* Focusable by code: where focus goes when what held it (a notice) leaves. */}
      <main tabIndex={-1} className="mx-auto w-full max-w-[96rem] px-4 py-6 focus:outline-none">
        <AuthGate>
          {activity ? (
            <LazyBoundary what="the activity view">
              <ActivityPage />
            </LazyBoundary>
          ) : (
            <KeysPage />
          )}
        </AuthGate>
      </main>
      {noticesDue && (
        <LazyBoundary what="the binding notices">
          <BindingFailureNotices />
        </LazyBoundary>
      )}
    </div>
  );
}
