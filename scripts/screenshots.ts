/**
 * Makes the README's screenshots, so they can be made again whenever the page changes:
 *
 *   npx tsx scripts/screenshots.ts                              # starts the dev server + sandbox
 *   BASE_URL=http://127.0.0.1:5173 npx tsx scripts/screenshots.ts   # a server already running
 *
 * BASE_URL must be a server that adds the token itself (the dev server, or production with a
 * shared token): the keys are added through the page's own `/cloud` calls, with no sign-in.
 * Writes docs/screenshot-*.png: the list, the create sheet and the API-down banner, in light and
 * dark, at 1280×800 and on a 390×844 phone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../e2e/chromium';
import { PROJECTS_PATH } from '../src/features/projects/api/project-schemas';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PORT = 5599; // not the dev (5173), e2e (5178/5179) or bench (44xx) ports
type Shot = {
  file: string;
  width: number;
  height: number;
  mobile: boolean;
  scheme: 'light' | 'dark';
  /** The list; the create sheet open over it; the API unreachable. */
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

/** Keys a team might have, beside the sandbox's seed: one bound, one expiring soon, one bare. */
const KEYS = [
  { name: 'support-chatbot', description: 'Help-centre assistant', days: 90, bind: 2 },
  { name: 'nightly-evals', description: 'Evaluation jobs, CI only', days: 3, bind: 1 },
  { name: 'data-team-notebook', description: null, days: null, bind: 0 },
] as const;

/** `npx vite` with its own sandbox, as `npm run dev` runs it; resolves once the page answers. */
async function startDevServer(): Promise<{ url: string; stop: () => void }> {
  const url = `http://127.0.0.1:${PORT}`;
  // Its own process group, so one signal stops npx, Vite and the sandbox Vite started.
  const child: ChildProcess = spawn('npx', ['vite', '--port', String(PORT), '--strictPort'], {
    cwd: ROOT,
    // Tasks finish at once, so the seeded bindings are in place before the first shot.
    env: { ...process.env, GCORE_API_URL: '', GCORE_API_KEY: '', SANDBOX_TASK_MS: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const stop = () => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  };
  let exited = false;
  child.once('exit', () => (exited = true));
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if (exited) throw new Error(`npx vite --port ${PORT} exited; is the port taken?`);
    const up = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stop();
  throw new Error(`${url} did not answer within 60 s`);
}

/**
 * Adds KEYS to the default project through the app's own gateway, the v3 way the page speaks by
 * default: create the key, then bind it by patching each deployment and waiting for its task.
 * A name already there (an earlier run against the same server) is kept.
 */
async function seedKeys(page: Page): Promise<void> {
  const failures = await page.evaluate(
    async ({ keys, projectsPath }) => {
      // No named helpers in here: tsx would wrap them in a `__name` call the page does not have.
      const json = { 'Content-Type': 'application/json' };
      const projects: { results: { id: number; is_default: boolean }[] } = await (
        await fetch(projectsPath)
      ).json();
      const project = projects.results.find((p) => p.is_default) ?? projects.results[0];
      const base = `/cloud/v3/inference/${project?.id}`;
      const deployments: { results: { name: string; status: string }[] } = await (
        await fetch(`${base}/deployments?limit=100`)
      ).json();
      const active = deployments.results.filter((d) => d.status === 'ACTIVE').map((d) => d.name);
      const failed: string[] = [];
      for (const key of keys) {
        const body: Record<string, string> = { name: key.name };
        if (key.description) body.description = key.description;
        if (key.days !== null) {
          body.expires_at = new Date(Date.now() + key.days * 86_400_000).toISOString();
        }
        const created = await fetch(`${base}/api_keys`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify(body),
        });
        if (created.status === 409) continue;
        if (!created.ok) failed.push(`${key.name}: ${created.status}`);
        for (const deployment of active.slice(0, key.bind)) {
          const path = `${base}/deployments/${encodeURIComponent(deployment)}`;
          const current: { api_keys: string[] | null } = await (await fetch(path)).json();
          const patched = await fetch(path, {
            method: 'PATCH',
            headers: json,
            body: JSON.stringify({ api_keys: [...(current.api_keys ?? []), key.name] }),
          });
          const { tasks }: { tasks: string[] } = await patched.json();
          for (const task of tasks) {
            for (let state = ''; state !== 'FINISHED' && state !== 'ERROR';) {
              state = (await (await fetch(`/cloud/v1/tasks/${task}`)).json()).state;
            }
          }
        }
      }
      return failed;
    },
    { keys: KEYS, projectsPath: PROJECTS_PATH },
  );
  if (failures.length > 0) throw new Error(`Could not add keys: ${failures.join(', ')}`);
}

async function shoot(browser: Browser, base: string): Promise<void> {
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
      // The keys call fails as a dropped connection would: the banner, then nothing else moves.
      await page.route('**/api_keys?*', (route) => route.abort('connectionreset'));
      await page.goto(base);
      await page.getByRole('alert', { name: 'Gcore’s API can’t be reached' }).waitFor();
    } else {
      await page.goto(base);
      if (shot === SHOTS[0]) {
        await page.getByRole('table', { name: 'API keys' }).waitFor();
        await seedKeys(page);
        await page.reload();
      }
      // What a user sees once the page has settled: the new keys listed.
      const table = page.getByRole('table', { name: 'API keys' });
      for (const key of KEYS)
        await table.getByRole('button', { name: key.name, exact: true }).waitFor();
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
  const server = process.env.BASE_URL ? null : await startDevServer();
  const base = process.env.BASE_URL ?? server?.url ?? '';
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    await shoot(browser, base);
  } finally {
    await browser.close();
    server?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
