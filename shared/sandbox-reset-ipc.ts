/** The reset messages between the sandbox process and the dev server that started it. */
export const RESET_ASKED = 'sandbox-reset';
export const RESET_DONE = 'sandbox-reset-done';

export type ResetMessage = { type: typeof RESET_ASKED | typeof RESET_DONE; id: number };

export function isResetMessage(
  message: unknown,
  type: ResetMessage['type'],
): message is ResetMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    'type' in message &&
    message.type === type &&
    'id' in message &&
    typeof message.id === 'number'
  );
}

/**
 * When the dev server started this process with an IPC channel: a reset tells it, and answers
 * only once it has forgotten what it kept about the keys (its jobs), so a test that resets the
 * sandbox then opens the page finds neither. Undefined when run alone (`npm run sandbox`).
 */
export function parentResetListener(): (() => Promise<void>) | undefined {
  const send = process.send?.bind(process);
  if (!send) return undefined;
  let asked = 0;
  return () =>
    new Promise<void>((resolve) => {
      const id = (asked += 1);
      const onMessage = (message: unknown) => {
        if (!isResetMessage(message, RESET_DONE) || message.id !== id) return;
        process.off('message', onMessage);
        resolve();
      };
      process.on('message', onMessage);
      send({ type: RESET_ASKED, id } satisfies ResetMessage);
    });
}
