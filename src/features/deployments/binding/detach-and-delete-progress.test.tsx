import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TASK_DURATION_MS } from '../../../../sandbox/create-sandbox';
import { setupSandbox } from '../../../test/sandbox-server';
import { testClock } from '../../../test/test-clock';
import { keysAdapterV3 } from '../../api-keys/api/v3/api-key-v3-adapter';
import { bindingApiV3 } from '../api/v3/deployment-v3-calls';
import { DetachAndDeleteProgress } from './detach-and-delete-progress';
import type { DeleteKeyResult } from './detach-and-delete';
import { useDetachAndDelete, usePendingDeletions } from './use-detach-and-delete';

const sandbox = setupSandbox();
const PROJECT = 1;
const KEY = 'mobile-app-prod'; // seeded on llama-3-8b-chat and mistral-7b-instruct
const deleteKey = () => keysAdapterV3.deleteKey(PROJECT, KEY);
const reloadDeployments = async () => (await keysAdapterV3.getKey(PROJECT, KEY)).deploymentRefs;

function Harness({ remove = deleteKey }: { remove?: () => Promise<DeleteKeyResult> }) {
  const run = useDetachAndDelete({
    projectId: PROJECT,
    keyName: KEY,
    deployments: ['llama-3-8b-chat', 'mistral-7b-instruct'],
    deleteKey: remove,
    reloadDeployments,
  });
  return (
    <>
      <button onClick={run.start}>Detach and delete</button>
      <PendingMark />
      <DetachAndDeleteProgress {...run} onRetry={run.retry} />
    </>
  );
}

/** What the keys list would show beside the key while its run goes on. */
function PendingMark() {
  return usePendingDeletions(PROJECT).has(KEY) ? <p>deleting in the background</p> : null;
}

function renderHarness(
  remove?: () => Promise<DeleteKeyResult>,
  client = new QueryClient({ defaultOptions: { mutations: { retry: false } } }),
) {
  const user = userEvent.setup();
  const view = render(
    <QueryClientProvider client={client}>
      <Harness remove={remove} />
    </QueryClientProvider>,
  );
  return Object.assign(user, { unmount: view.unmount, client });
}

const keyExists = () =>
  keysAdapterV3.getKey(PROJECT, KEY).then(
    () => true,
    () => false,
  );

describe('DetachAndDeleteProgress with useDetachAndDelete, against the v3 sandbox', () => {
  it('detaches from each deployment, then deletes the key, saying so', async () => {
    const user = renderHarness();
    expect(screen.getByRole('status')).toHaveTextContent(/^Attached to 2 deployments\.$/);
    testClock.pause();
    await user.click(screen.getByRole('button', { name: 'Detach and delete' }));
    expect(
      await screen.findByText(/Detaching from llama-3-8b-chat \(1 of 2\)/),
    ).toBeInTheDocument();
    testClock.resume();
    await screen.findByText(`Detached from 2 deployments and deleted the key ${KEY}.`);
    expect(screen.getByText('mistral-7b-instruct: detached')).toBeInTheDocument();
    expect(await keyExists()).toBe(false);
  });

  it('goes on when the dialog closes; reopened, it shows the run and then its end', async () => {
    const first = renderHarness();
    testClock.pause();
    await first.click(screen.getByRole('button', { name: 'Detach and delete' }));
    expect(await screen.findByText('deleting in the background')).toBeInTheDocument();
    first.unmount();
    renderHarness(undefined, first.client);
    expect(screen.getByText('deleting in the background')).toBeInTheDocument();
    testClock.resume();
    await screen.findByText(`Detached from 2 deployments and deleted the key ${KEY}.`);
    expect(screen.queryByText('deleting in the background')).toBeNull();
    expect(await keyExists()).toBe(false);
  });

  it('stops at a failed detach, says what is detached and that the key exists; Retry keeps focus and finishes', async () => {
    sandbox.tasks.arm({ outcome: 'error', deployment: 'mistral-7b-instruct', error: 'GPU quota' });
    const user = renderHarness();
    await user.click(screen.getByRole('button', { name: 'Detach and delete' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("The API's task failed: GPU quota");
    expect(screen.getByRole('status')).toHaveTextContent(
      `Stopped: detached from 1 of 2 deployments. The key ${KEY} still exists.`,
    );
    expect(screen.getByText('llama-3-8b-chat: detached')).toBeInTheDocument();
    expect(screen.getByText('mistral-7b-instruct: not detached (failed)')).toBeInTheDocument();
    expect(await keyExists()).toBe(true);
    expect((await bindingApiV3(PROJECT).getDeployment('mistral-7b-instruct')).api_keys).toContain(
      KEY,
    );

    const retry = screen.getByRole('button', { name: 'Retry detach and delete' });
    testClock.pause();
    await user.click(retry);
    expect(retry).toHaveFocus();
    testClock.resume();
    await screen.findByText(`Detached from 2 deployments and deleted the key ${KEY}.`);
    expect(screen.getByRole('status')).toHaveFocus();
    expect(await keyExists()).toBe(false);
  });

  it('explains a 409 from DELETE (attached concurrently) with the API message, and Retry detaches it there too', async () => {
    let raced = false;
    const attachThenDelete = async () => {
      if (!raced) {
        raced = true; // someone attaches the key to another deployment right before the DELETE
        const tasks = await bindingApiV3(PROJECT).setDeploymentKeys('whisper-large-v3', [KEY]);
        // That client waits out its task as the jobs do: on the clock the sandbox shares.
        await testClock.sleep(DEFAULT_TASK_DURATION_MS);
        expect((await bindingApiV3(PROJECT).getTask(tasks[0] ?? '')).state).toBe('FINISHED');
      }
      return deleteKey();
    };
    const user = renderHarness(attachThenDelete);
    await user.click(screen.getByRole('button', { name: 'Detach and delete' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('refused to delete the key because it is still attached');
    expect(alert).toHaveTextContent(`API key ${KEY} is attached to whisper-large-v3`);
    expect(screen.getByRole('status')).toHaveTextContent(`The key ${KEY} still exists.`);

    await user.click(screen.getByRole('button', { name: 'Retry detach and delete' }));
    await screen.findByText(`Detached from 3 deployments and deleted the key ${KEY}.`);
    expect(screen.getByText('whisper-large-v3: detached')).toBeInTheDocument();
    expect(await keyExists()).toBe(false);
  });
});
