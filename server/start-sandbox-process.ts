import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { isResetMessage, RESET_ASKED, RESET_DONE } from '../shared/sandbox-reset-ipc.ts';

export type SandboxProcess = {
  url: string;
  token: string;
  pid: number | undefined;
  close: () => Promise<void>;
  /**
   * What a reset of the sandbox (its control route, as e2e tests call it) also clears here, done
   * before the reset answers: the jobs, which were about the keys the reset recreated.
   */
  onReset: (listener: () => Promise<void>) => void;
};

const MAIN = fileURLToPath(new URL('../sandbox/main.ts', import.meta.url));

/**
 * Runs the sandbox as its own process, like the real API: the dev server only forwards to it,
 * and no sandbox code is loaded into Vite's config. The token is fresh for every run. Says
 * where it listens, and says loudly when it dies while the dev server still runs: every API
 * call would fail from then on, and the page alone would not tell why.
 */
export function startSandboxProcess(
  env: { port: number; seedKeys: number; passOn?: Record<string, string | undefined> },
  report: { info: (line: string) => void; error: (line: string) => void } = {
    info: (line) => process.stdout.write(`${line}\n`),
    error: (line) => process.stderr.write(`${line}\n`),
  },
): Promise<SandboxProcess> {
  const token = process.env.SANDBOX_TOKEN || randomBytes(18).toString('base64url');
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      // `.env` settings of the sandbox's own (SANDBOX_API_VERSIONS, SANDBOX_TASK_MS): the
      // environment already wins over them in the dev server's merged settings.
      ...env.passOn,
      SANDBOX_PORT: String(env.port),
      SANDBOX_SEED_KEYS: String(env.seedKeys),
      SANDBOX_TOKEN: token,
      SANDBOX_EXIT_WITH_STDIN: '1',
    },
    // stdin stays open: the sandbox exits when it closes, so it never outlives this process.
    // The IPC channel carries its resets, answered once `onReset`'s listener is done.
    stdio: ['pipe', 'pipe', 'inherit', 'ipc'],
  });
  child.channel?.unref();
  let resetListener = async () => {};
  child.on('message', (message: unknown) => {
    if (!isResetMessage(message, RESET_ASKED)) return;
    void resetListener()
      .catch((error: unknown) => report.error(`  ✖ A sandbox reset kept state: ${String(error)}`))
      .finally(() => child.send({ type: RESET_DONE, id: message.id }));
  });
  const onReset = (listener: () => Promise<void>) => {
    resetListener = listener;
  };
  let closing = false;
  const close = () =>
    new Promise<void>((resolve) => {
      closing = true;
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  process.once('exit', () => child.kill('SIGTERM'));

  return new Promise((resolve, reject) => {
    let output = '';
    let listening = false;
    child.once('exit', (code, signal) => {
      if (!listening)
        return reject(new Error(`The sandbox exited (code ${code}) before listening.`));
      if (closing) return;
      report.error(
        `\n  ✖ The API sandbox stopped (${signal ?? `exit code ${code}`}): every /cloud call now fails with 502.\n    Restart \`npm run dev\` to get it back.\n`,
      );
    });
    // Piped above: never null, whatever the IPC entry does to the child's type.
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      if (listening) return;
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        listening = true;
        report.info(`  ➜  API sandbox: ${url} (fake Gcore API; /cloud is forwarded there)`);
        resolve({ url, token, pid: child.pid, close, onReset });
      }
    });
  });
}
