import { act, screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { onTestFinished, vi } from 'vitest';
import { KEYS_FILTER_DEBOUNCE_MS } from '../features/api-keys/list/keys-filter';

/**
 * Types into the keys filter, then lets its pause pass on a fake clock instead of the machine's,
 * for the rest of the test. That clock also runs on by itself, a millisecond at a time, so the
 * zero-delay timers of user-event and React Query fire as they would.
 */
export async function typeInKeysFilter(user: UserEvent, text: string): Promise<void> {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout'],
    shouldAdvanceTime: true,
    advanceTimeDelta: 1,
  });
  onTestFinished(() => {
    vi.useRealTimers();
  });
  await user.type(screen.getByRole('searchbox', { name: /^Filter keys/ }), text);
  await act(() => vi.advanceTimersByTimeAsync(KEYS_FILTER_DEBOUNCE_MS));
}
