import { PORT_RULE, readEnvInteger, SEED_KEYS_RULE } from '../shared/read-env-integer';
import { parentResetListener } from '../shared/sandbox-reset-ipc';
import { startSandboxServer } from './server';

/** `npm run sandbox`: the fake Gcore API on a fixed port, for local development and e2e runs. */
async function main(): Promise<void> {
  const port = readEnvInteger(process.env, 'SANDBOX_PORT', PORT_RULE, 4010);
  const seedKeys = readEnvInteger(process.env, 'SANDBOX_SEED_KEYS', SEED_KEYS_RULE, 0);
  const server = await startSandboxServer({
    port,
    host: process.env.SANDBOX_HOST || undefined,
    token: process.env.SANDBOX_TOKEN || undefined,
    seedKeys,
    onReset: parentResetListener(),
  });
  const tokenSource = process.env.SANDBOX_TOKEN ? 'SANDBOX_TOKEN' : 'the default sandbox token';
  console.log(`Gcore API sandbox listening on ${server.url} (accepts ${tokenSource})`);

  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Set by the dev server, which keeps our stdin open: its end means the parent died without
  // a chance to stop us, and the sandbox must not linger holding its port.
  if (process.env.SANDBOX_EXIT_WITH_STDIN === '1') {
    process.stdin.once('end', stop).resume();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
