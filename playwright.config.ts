import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './e2e/chromium';

// Ports of their own, so a developer's `npm run dev` (5173) can keep running during the tests.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 5179);
export const E2E_SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4019);
/** Known, so a test can prove it never reaches the browser. */
export const E2E_SANDBOX_TOKEN = 'e2e-dev-sandbox-token-7f3a';
// The production server (built app + its own in-process sandbox), with personal sign-in.
export const E2E_PROD_PORT = Number(process.env.E2E_PROD_PORT ?? 5178);
export const E2E_PROD_SANDBOX_PORT = Number(process.env.E2E_PROD_SANDBOX_PORT ?? 4018);
export const E2E_PROD_TOKEN = 'e2e-personal-token';
// A second dev server whose sandbox serves both generations, so `auto` picks v3 (e2e/v3).
export const E2E_V3_PORT = Number(process.env.E2E_V3_PORT ?? 5177);
export const E2E_V3_SANDBOX_PORT = Number(process.env.E2E_V3_SANDBOX_PORT ?? 4017);

export default defineConfig({
  testDir: 'e2e',
  // Two cores: one worker keeps timings honest; the budget is generous for a cold Vite.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: 'reports/e2e-report.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_FLAGS,
    },
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: ['production/**', 'v3/**'],
      use: { browserName: 'chromium' },
      metadata: { sandboxPort: E2E_SANDBOX_PORT },
    },
    {
      name: 'production',
      testMatch: 'production/**/*.spec.ts',
      use: { browserName: 'chromium', baseURL: `http://127.0.0.1:${E2E_PROD_PORT}` },
      metadata: { sandboxPort: E2E_PROD_SANDBOX_PORT },
    },
    {
      name: 'v3',
      testMatch: 'v3/**/*.spec.ts',
      use: { browserName: 'chromium', baseURL: `http://127.0.0.1:${E2E_V3_PORT}` },
      metadata: { sandboxPort: E2E_V3_SANDBOX_PORT },
    },
  ],
  webServer: [
    {
      // The real dev server and its real proxy, in front of a sandbox on a known port.
      command: `npx vite --port ${E2E_PORT} --strictPort`,
      url: `http://127.0.0.1:${E2E_PORT}`,
      env: {
        SANDBOX_PORT: String(E2E_SANDBOX_PORT),
        GCORE_API_URL: '',
        GCORE_API_KEY: '',
        // Short, so the no-answer case is quick to test; every other answer comes well within it.
        GCORE_API_TIMEOUT_MS: '5000',
        // Jobs in memory: no run leaves state for the next, nor shares a data directory.
        DATA_DIR: 'memory://',
        // A rotation's shortest scheduled retirement: seconds, so a test can wait for one.
        RETIRE_MIN_DELAY_MS: '5000',
        // An API that predates v3: `auto` detects v2, which the tests outside e2e/v3 speak.
        SANDBOX_API_VERSIONS: 'v2',
        GCORE_API_VERSION: 'auto',
      },
      reuseExistingServer: !process.env.CI,
      timeout: 300_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // `npm run build && npm start`, as a team would run it, minus the type check done elsewhere.
      command: 'npm run build:app && node dist-server/main.js --sandbox',
      url: `http://127.0.0.1:${E2E_PROD_PORT}/healthz`,
      env: {
        PORT: String(E2E_PROD_PORT),
        SANDBOX_PORT: String(E2E_PROD_SANDBOX_PORT),
        SANDBOX_TOKEN: E2E_PROD_TOKEN,
        GCORE_AUTH: 'personal',
        GCORE_API_KEY: '',
        GCORE_API_TIMEOUT_MS: '5000',
        // Jobs in memory: no run leaves state for the next, nor shares a data directory.
        DATA_DIR: 'memory://',
        // A rotation's shortest scheduled retirement: seconds, so a test can wait for one.
        RETIRE_MIN_DELAY_MS: '5000',
        // v2 only, and `auto`: each signed-in caller's own token detects it.
        SANDBOX_API_VERSIONS: 'v2',
        GCORE_API_VERSION: 'auto',
      },
      reuseExistingServer: !process.env.CI,
      timeout: 300_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The dev server again, in front of a sandbox serving both generations: `auto` picks v3.
      command: `npx vite --port ${E2E_V3_PORT} --strictPort`,
      url: `http://127.0.0.1:${E2E_V3_PORT}`,
      env: {
        SANDBOX_PORT: String(E2E_V3_SANDBOX_PORT),
        GCORE_API_URL: '',
        GCORE_API_KEY: '',
        GCORE_API_TIMEOUT_MS: '5000',
        // Jobs in memory: no run leaves state for the next, nor shares a data directory.
        DATA_DIR: 'memory://',
        // A rotation's shortest scheduled retirement: seconds, so a test can wait for one.
        RETIRE_MIN_DELAY_MS: '5000',
        SANDBOX_API_VERSIONS: 'v2,v3',
        GCORE_API_VERSION: 'auto',
        // Quick tasks, polled often: a binding's wait takes well under a second.
        SANDBOX_TASK_MS: '600',
        GCORE_TASK_POLL_MS: '200',
      },
      reuseExistingServer: !process.env.CI,
      timeout: 300_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
