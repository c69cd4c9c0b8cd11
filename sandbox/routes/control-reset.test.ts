// @vitest-environment node
import { expect, it } from 'vitest';
import { createSandbox } from '../create-sandbox';

const reset = (sandbox: ReturnType<typeof createSandbox>) =>
  sandbox.fetch(new Request('http://127.0.0.1/__sandbox/reset', { method: 'POST' }));

it('a reset answers only once its listener (the app server forgetting its jobs) is done', async () => {
  const steps: string[] = [];
  let done = () => {};
  const sandbox = createSandbox({
    onReset: () =>
      new Promise<void>((resolve) => {
        steps.push('listener called');
        done = () => {
          steps.push('listener done');
          resolve();
        };
      }),
  });
  const answer = reset(sandbox).then((response) => {
    steps.push(`answered ${response.status}`);
  });
  await expect.poll(() => steps).toEqual(['listener called']);
  done();
  await answer;
  expect(steps).toEqual(['listener called', 'listener done', 'answered 204']);
});

it('a sandbox with no listener resets as before', async () => {
  expect((await reset(createSandbox())).status).toBe(204);
});
