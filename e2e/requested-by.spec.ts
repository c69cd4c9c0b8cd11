import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { E2E_PORT } from '../playwright.config';
import { REQUESTED_BY_VALUE } from '../src/lib/request-header';
import { expect, openCreateForm, test } from './fixtures';
import { recordServerCalls } from './server-calls';

const DASHBOARD = `http://127.0.0.1:${E2E_PORT}`;

test('every call the page makes to its server says it is the dashboard, and a key is created', async ({
  page,
  sandbox,
}) => {
  const calls = recordServerCalls(page);
  await openCreateForm(page);
  await page.getByRole('textbox', { name: 'Name' }).fill('with-header');
  await page.getByRole('checkbox', { name: /^llama-3-8b-chat/ }).check();
  await page.getByRole('button', { name: 'Create API key' }).click();
  await expect(page.getByRole('dialog', { name: 'Save your API key' })).toBeVisible();
  expect(await sandbox.creates()).toEqual([expect.objectContaining({ authorization: 'valid' })]);

  const seen = await calls();
  expect(seen).toContainEqual(
    expect.objectContaining({ method: 'POST', path: '/cloud/v2/inference/api_keys' }),
  );
  expect(seen.filter((call) => call.requestedBy !== REQUESTED_BY_VALUE)).toEqual([]);
});

test.describe('requests the dashboard’s code did not make', () => {
  let other: Server;
  let otherPort = 0;
  test.beforeAll(async () => {
    other = createServer((_req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>other</title>');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    otherPort = (other.address() as AddressInfo).port;
  });
  test.afterAll(() => new Promise<void>((resolve) => other.close(() => resolve())));

  /** Loads `src` as an image in the page; resolves once the server has answered. */
  const loadImage = (src: string) =>
    new Promise<string>((resolve) => {
      const image = new Image();
      image.onload = () => resolve('loaded');
      image.onerror = () => resolve('no image');
      image.src = src;
    });

  test('an <img> on another site’s page reaches nothing', async ({ page, sandbox }) => {
    await page.goto(`http://localhost:${otherPort}/`);
    const outcome = await page.evaluate(loadImage, `${DASHBOARD}/cloud/v1/projects`);
    expect(outcome).toBe('no image');
    expect(await sandbox.requests(), 'nothing reached the sandbox').toEqual([]);
  });

  // Sec-Fetch-Site says same-origin here, as nothing says anything to a plain-HTTP origin: only
  // the dashboard's header is left to tell the image from the page's own calls. The favicon is
  // a same-origin document that makes no API call of its own.
  test('an <img> on a page of the dashboard’s own origin reaches nothing', async ({
    page,
    sandbox,
  }) => {
    await page.goto('/favicon.svg');
    const outcome = await page.evaluate(loadImage, '/cloud/v1/projects');
    expect(outcome).toBe('no image');
    expect(await sandbox.requests(), 'nothing reached the sandbox').toEqual([]);
  });
});
