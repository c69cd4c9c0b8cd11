import { createServer, type Server } from 'node:http';
import { E2E_PORT } from '../playwright.config';
import { expect, test } from './fixtures';

/** A port of the e2e range no server of the suite uses: the attacker's page lives there. */
const OTHER_PORT = Number(process.env.E2E_OTHER_ORIGIN_PORT ?? E2E_PORT + 11);
const DASHBOARD = `http://127.0.0.1:${E2E_PORT}`;
const KEYS = `${DASHBOARD}/cloud/v2/inference/api_keys`;

let other: Server;
test.beforeAll(async () => {
  other = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>other</title>');
  });
  await new Promise<void>((resolve) => other.listen(OTHER_PORT, '127.0.0.1', resolve));
});
test.afterAll(() => new Promise<void>((resolve) => other.close(() => resolve())));

// 127.0.0.1 on another port is the same site (a sibling app); localhost is another site.
for (const origin of [`http://127.0.0.1:${OTHER_PORT}`, `http://localhost:${OTHER_PORT}`]) {
  test(`a page on ${origin} can neither create a key nor read an API answer`, async ({
    page,
    sandbox,
  }) => {
    await page.goto(`${origin}/`);
    const attempts = await page.evaluate(
      async ({ keys, projects }) => {
        const outcome = (promise: Promise<Response>) =>
          promise.then(
            async (response) => `read ${response.status}: ${await response.text()}`,
            (error: unknown) => `failed: ${String(error)}`,
          );
        return {
          // The classic CSRF: a "simple" request, sent without asking, its answer opaque.
          csrf: await fetch(keys, {
            method: 'POST',
            mode: 'no-cors',
            headers: { 'Content-Type': 'text/plain' },
            body: '{"name":"csrf-key","project_id":1}',
          }).then((response) => `sent, opaque: ${response.type}`),
          corsRead: await outcome(fetch(projects)),
          corsCreate: await outcome(
            fetch(keys, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: '{"name":"cors-key","project_id":1}',
            }),
          ),
        };
      },
      { keys: KEYS, projects: `${DASHBOARD}/cloud/v1/projects` },
    );
    expect(attempts.corsRead).toMatch(/^failed: TypeError/);
    expect(attempts.corsCreate).toMatch(/^failed: TypeError/);
    // The sandbox's own log: no call from that page reached the API, and no key exists.
    expect(await sandbox.requests()).toEqual([]);
    await page.goto(DASHBOARD);
    await expect(page.getByRole('table', { name: 'API keys' })).toBeVisible();
    await expect(page.getByText('csrf-key')).toHaveCount(0);
    await expect(page.getByText('cors-key')).toHaveCount(0);
    expect(await sandbox.creates()).toEqual([]);
  });
}
