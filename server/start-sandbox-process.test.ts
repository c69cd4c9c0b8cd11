import { afterEach, expect, it } from 'vitest';
import { startSandboxProcess, type SandboxProcess } from './start-sandbox-process';

let sandbox: SandboxProcess | undefined;
afterEach(() => sandbox?.close());

it('says where the sandbox listens, and says loudly when it dies under the dev server', async () => {
  const info: string[] = [];
  const errors: string[] = [];
  sandbox = await startSandboxProcess(
    { port: 0, seedKeys: 0 },
    { info: (line) => info.push(line), error: (line) => errors.push(line) },
  );
  expect(info.join('\n')).toContain(`API sandbox: ${sandbox.url}`);
  expect(errors).toEqual([]);
  process.kill(sandbox.pid ?? 0, 'SIGKILL');
  await expect.poll(() => errors.join('\n')).toMatch(/API sandbox stopped \(SIGKILL\).*502/s);
}, 30_000);

it('stays quiet when the dev server itself stops it', async () => {
  const errors: string[] = [];
  sandbox = await startSandboxProcess(
    { port: 0, seedKeys: 0 },
    { info: () => {}, error: (line) => errors.push(line) },
  );
  await sandbox.close();
  expect(errors).toEqual([]);
}, 30_000);

it('a reset of the sandbox waits for the dev server to forget its jobs before it answers', async () => {
  const steps: string[] = [];
  let done = () => {};
  sandbox = await startSandboxProcess(
    { port: 0, seedKeys: 0 },
    { info: () => {}, error: () => {} },
  );
  sandbox.onReset(
    () =>
      new Promise<void>((resolve) => {
        steps.push('jobs forgetting');
        done = () => {
          steps.push('jobs forgotten');
          resolve();
        };
      }),
  );
  const answer = fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' }).then((response) => {
    steps.push(`answered ${response.status}`);
  });
  await expect.poll(() => steps).toEqual(['jobs forgetting']);
  done();
  await answer;
  expect(steps).toEqual(['jobs forgetting', 'jobs forgotten', 'answered 204']);
}, 30_000);
