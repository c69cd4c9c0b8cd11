import type { Page, Response } from '@playwright/test';
import { E2E_PORT } from '../playwright.config';
import { sendRawRequest } from '../server/testing/send-raw-request';
import { REQUESTED_BY } from '../src/lib/request-header';
import { expect, openCreateForm, test } from './fixtures';

const KEYS = '/cloud/v2/inference/api_keys';

function expectSecurityHeaders(headers: Record<string, string>): void {
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toMatch(/(^|; )script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')*(;|$)/);
  for (const directive of ["connect-src 'self'", "object-src 'none'", "base-uri 'none'"]) {
    expect(csp).toContain(directive);
  }
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-content-type-options']).toBe('nosniff');
}

/** Chromium's own CSP console errors, plus every securitypolicyviolation event, as text. */
async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|CSP violation/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return violations;
}

test('the page, its modules and /cloud answers carry the security headers', async ({ page }) => {
  const html = await page.goto('/');
  const pageHeaders = (await html?.allHeaders()) ?? {};
  expectSecurityHeaders(pageHeaders);
  // React Refresh's inline preamble is allowed by its hash, not by 'unsafe-inline'.
  expect(pageHeaders['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
  const module = await page.request.get('/src/main.tsx');
  expectSecurityHeaders(module.headers());
  const api = await page.request.get('/cloud/v1/projects', { headers: REQUESTED_BY });
  expect(api.status()).toBe(200);
  expectSecurityHeaders(api.headers());
  expect(api.headers()['cache-control']).toBe('no-store');
});

test.describe('under the CSP', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('create → reveal → copy → Done runs with no violation; the secret is no-store', async ({
    page,
    sandbox,
  }) => {
    const violations = await watchCspViolations(page);
    // HMR's websocket must survive connect-src 'self'.
    let hmrConnected = false;
    page.on('websocket', (socket) =>
      socket.on('framereceived', ({ payload }) => {
        if (String(payload).includes('"connected"')) hmrConnected = true;
      }),
    );
    await openCreateForm(page);
    await page.getByRole('textbox', { name: 'Name' }).fill('csp-check');
    await page.getByRole('checkbox', { name: /^llama-3-8b-chat/ }).check();
    const create = page.waitForResponse(
      (r: Response) => r.url().endsWith(KEYS) && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Create API key' }).click();
    const createHeaders = await (await create).allHeaders();
    expect(createHeaders['cache-control']).toBe('no-store');
    expectSecurityHeaders(createHeaders);

    const dialog = page.getByRole('dialog', { name: 'Save your API key' });
    await dialog.getByRole('button', { name: 'Copy secret' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Copied to the clipboard.');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
    expect(await sandbox.creates()).toHaveLength(1);
    await expect.poll(() => hmrConnected).toBe(true);
    expect(violations).toEqual([]);
  });

  test('an injected inline script is blocked, and the watcher sees it', async ({ page }) => {
    const violations = await watchCspViolations(page);
    await openCreateForm(page);
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.injected = "yes"';
      document.head.append(script);
      return document.body.dataset.injected === 'yes';
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations.length).toBeGreaterThan(0);
  });
});

test.describe('the proxy refuses what it must not forward', () => {
  // Requesting the fixture here resets the sandbox before the test, so afterEach sees its calls.
  test.beforeEach(async ({ sandbox }) => {
    expect(await sandbox.requests()).toEqual([]);
  });

  test.afterEach(async ({ sandbox }) => {
    expect(await sandbox.requests(), 'nothing reached the sandbox').toEqual([]);
  });

  // Raw sockets: fetch clients would resolve `..`, `%2e%2e` and backslashes before sending.
  for (const target of [
    `${KEYS}/../../../__sandbox/requests`,
    '/cloud/v1/projects/%2e%2e/%2e%2e/v2/inference/api_keys',
    '/cloud/v1\\..\\..\\__sandbox\\requests',
    `http://127.0.0.1:${E2E_PORT}/cloud/v1/projects`,
    'http://evil.example/',
  ]) {
    test(`a raw request for ${target}: 400`, async () => {
      const response = await sendRawRequest(E2E_PORT, { method: 'GET', target });
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body)).toMatchObject({ exception_class: 'InvalidRequestTarget' });
      expectSecurityHeaders(response.headers);
    });
  }

  test('encoded slashes and empty segments, as fetch clients send them: 400', async ({
    request,
  }) => {
    for (const path of ['/cloud/v1%2fprojects', '/cloud//v1/projects']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(400);
      expect(await response.json()).toMatchObject({ exception_class: 'InvalidRequestTarget' });
    }
  });

  test('a body over 64 KiB: 413, chunked or not; text/plain: 415; PUT: 403', async ({
    request,
  }) => {
    const big = await request.post(KEYS, {
      headers: REQUESTED_BY,
      data: { name: 'x', description: 'y'.repeat(70_000) },
    });
    expect(big.status()).toBe(413);
    expect(big.headers()['cache-control']).toBe('no-store');
    const headers = {
      ...REQUESTED_BY,
      'transfer-encoding': 'chunked',
      'content-type': 'application/json',
    };
    const body = `${(0x8000).toString(16)}\r\n${'x'.repeat(0x8000)}\r\n`.repeat(3) + '0\r\n\r\n';
    const chunked = await sendRawRequest(E2E_PORT, { method: 'POST', target: KEYS, headers, body });
    expect(chunked.status).toBe(413);
    const text = await request.post(KEYS, {
      headers: { ...REQUESTED_BY, 'content-type': 'text/plain' },
      data: '{"name":"x"}',
    });
    expect(text.status()).toBe(415);
    const put = await request.put('/cloud/v1/projects', { headers: REQUESTED_BY, data: {} });
    expect(put.status()).toBe(403);
    expect(await put.json()).toMatchObject({ exception_class: 'ForbiddenByGateway' });
  });
});
