import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from './config.ts';

const running = new Set<ChildProcess>();

/**
 * A server the bench needs, as a child process of its own: it gets its own core instead of
 * sharing the event loop with the load generator or the browser driver.
 */
export function startChild(name: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    // stdin stays open: the sandbox (SANDBOX_EXIT_WITH_STDIN) ends itself when it closes.
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  running.add(child);
  child.once('exit', () => running.delete(child));
  return {
    child,
    /** What it printed last, for an error message when it never comes up. */
    output: () => `${name}: ${output}`,
    stop: () => stopChild(child),
  };
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin?.end();
  child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(5000).then(() => true)]);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Stops for what is not a child of the bench (PostgreSQL runs as a daemon of its own). */
const otherStops = new Set<() => Promise<void>>();

/** `stop` runs on stopAll unless the returned function says it already ran. */
export function stopWithAll(stop: () => Promise<void>): () => void {
  otherStops.add(stop);
  return () => otherStops.delete(stop);
}

/** Stops whatever is still running, e.g. after a failed step or Ctrl+C. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map(stopChild));
  await Promise.all([...otherStops].map((stop) => stop().catch(() => {})));
  otherStops.clear();
}

/** Polls until the URL answers 2xx; servers here start in well under the time limit. */
export async function waitForUrl(url: string, describe: () => string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms.\n${describe()}`);
}
