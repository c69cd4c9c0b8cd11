import { startSandboxServer } from './server';

/** `npm run sandbox`: the fake Gcore API on a fixed port, for local development and e2e runs. */
async function main(): Promise<void> {
  const port = readInteger('SANDBOX_PORT', 4010);
  const seedKeys = readInteger('SANDBOX_SEED_KEYS', 0);
  const server = await startSandboxServer({
    port,
    host: process.env.SANDBOX_HOST || undefined,
    token: process.env.SANDBOX_TOKEN || undefined,
    seedKeys,
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

function readInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}".`);
  }
  return value;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
