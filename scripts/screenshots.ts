/**
 * Makes the README's screenshots, so they can be made again whenever the page changes:
 *
 *   npx tsx scripts/screenshots.ts
 *
 * They show what a newcomer gets from `npm run dev`: the dev server with its default sandbox
 * (its seed keys only, both generations, the page on v3), in light and dark, at 1280×800 and on
 * a 390×844 phone; the create sheet; and, last, the same page once the sandbox has stopped, which
 * is what the API being unreachable looks like. Writes docs/screenshot-*.png.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../e2e/chromium';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PORT = 5599; // not the dev (5173), e2e (5178/5179) or bench (44xx) ports
type Shot = {
  file: string;
  width: number;
  height: number;
  mobile: boolean;
  scheme: 'light' | 'dark';
  /** The list; the create sheet open over it; the API unreachable (last: it stops the API). */
  state: 'list' | 'sheet' | 'api-down';
};
const LAPTOP = { width: 1280, height: 800, mobile: false } as const;
const PHONE = { width: 390, height: 844, mobile: true } as const;
const SHOTS: readonly Shot[] = [
  { file: 'docs/screenshot-light.png', ...LAPTOP, scheme: 'light', state: 'list' },
  { file: 'docs/screenshot-dark.png', ...LAPTOP, scheme: 'dark', state: 'list' },
  { file: 'docs/screenshot-phone.png', ...PHONE, scheme: 'light', state: 'list' },
  { file: 'docs/screenshot-phone-dark.png', ...PHONE, scheme: 'dark', state: 'list' },
  { file: 'docs/screenshot-sheet-light.png', ...LAPTOP, scheme: 'light', state: 'sheet' },
  { file: 'docs/screenshot-sheet-dark.png', ...LAPTOP, scheme: 'dark', state: 'sheet' },
  { file: 'docs/screenshot-sheet-phone.png', ...PHONE, scheme: 'light', state: 'sheet' },
  { file: 'docs/screenshot-api-down.png', ...LAPTOP, scheme: 'light', state: 'api-down' },
];

/** Settings that would make the page differ from what `npm run dev` shows with none set. */
const DEFAULTS_ONLY = [
  'GCORE_API_URL',
  'GCORE_API_KEY',
  'GCORE_API_VERSION',
  'GCORE_TASK_POLL_MS',
  'SANDBOX_SEED_KEYS',
  'SANDBOX_API_VERSIONS',
  'SANDBOX_TASK_MS',
];

type DevServer = { url: string; stop: () => void; stopSandbox: () => void };

/** `npx vite` with its own sandbox, as `npm run dev` runs it; resolves once the page answers. */
async function startDevServer(): Promise<DevServer> {
  const url = `http://127.0.0.1:${PORT}`;
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !DEFAULTS_ONLY.includes(name)),
  );
  // Its own process group, so one signal stops npx, Vite and the sandbox Vite started.
  const child: ChildProcess = spawn('npx', ['vite', '--port', String(PORT), '--strictPort'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const stop = () => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  };
  // The sandbox is the one process of the group running sandbox/main.ts.
  const stopSandbox = () => {
    const group = execFileSync('ps', ['-o', 'pid=,args=', '-g', String(child.pid)], {
      encoding: 'utf8',
    });
    const sandbox = group.split('\n').find((line) => line.includes('sandbox/main.ts'));
    const pid = Number(sandbox?.trim().split(/\s+/, 1)[0]);
    if (!Number.isInteger(pid) || pid <= 0) throw new Error('The sandbox process was not found.');
    process.kill(pid, 'SIGTERM');
  };
  let exited = false;
  child.once('exit', () => (exited = true));
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if (exited) throw new Error(`npx vite --port ${PORT} exited; is the port taken?`);
    const up = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return { url, stop, stopSandbox };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stop();
  throw new Error(`${url} did not answer within 60 s`);
}

async function shoot(browser: Browser, server: DevServer): Promise<void> {
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      viewport: { width: shot.width, height: shot.height },
      isMobile: shot.mobile,
      hasTouch: shot.mobile,
      colorScheme: shot.scheme,
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    if (shot.state === 'api-down') {
      // The API really gone: every /cloud call the page makes gets the dev server's 502.
      server.stopSandbox();
      await page.goto(server.url);
      await page.getByRole('alert', { name: 'Gcore’s API can’t be reached' }).waitFor();
      // Settled: the list's own code has loaded and says it waits for the API.
      await page.getByText('The keys appear here once the API answers.').waitFor();
      await page.getByRole('searchbox').waitFor();
    } else {
      await page.goto(server.url);
      // What a user sees once the page has settled: the sandbox's keys listed.
      const table = page.getByRole('table', { name: 'API keys' });
      await table.getByRole('row').nth(1).waitFor();
      if (shot.state === 'sheet') {
        await page.getByRole('button', { name: 'Create API key' }).click();
        await page.getByRole('checkbox').first().waitFor();
        await page.getByRole('textbox', { name: 'Name' }).fill('support-chatbot-v2');
      }
    }
    await page.screenshot({ path: `${ROOT}/${shot.file}` });
    console.log(`wrote ${shot.file} (${shot.width}×${shot.height}, ${shot.scheme})`);
    await context.close();
  }
}

async function main(): Promise<void> {
  const server = await startDevServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    await shoot(browser, server);
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
