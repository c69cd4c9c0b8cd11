import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { afterPaintWhenIdle } from '../../../lib/when-idle';
import { apiKeyKeys } from '../api/api-key-query-keys';
import type { CreatedKey } from '../api/use-key-mutations';
import { useKeysAdapter } from '../api/keys-adapter-context';
import { newKeyStore } from '../model/new-key-store';

/**
 * The key whose secret the reveal dialog shows, from the create's answer until the user is done.
 * The dialog follows this state rather than the mutation, whose updates reach React a task later:
 * closing it then commits together with the list's move of focus to the new row.
 */
export function useReveal() {
  const queryClient = useQueryClient();
  const { generation } = useKeysAdapter().capabilities;
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const focusNameOnClose = useRef(false);

  useEffect(() => {
    if (created) {
      // After the dialog's first paint, not only after its commit: the commit that shows it can
      // flush this effect in the same task, and the list's refetch and new row would then delay
      // the secret on screen. The list is behind the dialog, so idle time is soon enough.
      let refreshed = false;
      const refresh = () => {
        if (refreshed) return;
        refreshed = true;
        newKeyStore.added(created.key.id);
        void queryClient.invalidateQueries({ queryKey: apiKeyKeys.lists(generation) });
      };
      const cancel = afterPaintWhenIdle(refresh);
      // A dialog closed before that frame still leaves the list refreshed, its new row marked.
      return () => {
        cancel();
        refresh();
      };
    }
    if (focusNameOnClose.current) {
      // After the dialog has gone: while it is open the rest of the page is inert.
      focusNameOnClose.current = false;
      newKeyStore.focusName();
    }
  }, [created, queryClient, generation]);

  const close = () => {
    // Stale fibers and render closures still reach the created key: wiped, it leads to no secret.
    created?.secret.wipe();
    setCreated(null);
    // With no list on the page to focus the new row, focus returns to Name.
    if (!created || !newKeyStore.revealClosed(created.key.id)) {
      focusNameOnClose.current = true;
    }
  };

  return { created, show: setCreated, close };
}
