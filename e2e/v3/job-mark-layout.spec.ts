import type { Locator, Page, Route } from '@playwright/test';
import { IDLE_POLL_MS, ACTIVE_POLL_MS } from '../../src/features/jobs/api/job-queries';
import type { Job } from '../../src/features/jobs/api/job-contract';
import { expect, test } from '../fixtures';
import { expectNothingMoves } from '../layout-still';
import { keysTable, rowOf } from './manage-row-action';

const KEY = 'mobile-app-prod';
const MARK = 'binding 1 of 2';

/** Someone else's bind of KEY, half done: what the server lists while it runs. */
const running: Job = {
  id: 'layout-probe-job',
  kind: 'bind',
  state: 'running',
  project_id: 1,
  key_name: KEY,
  steps: [
    { deployment: 'whisper-large-v3', status: 'done', message: null },
    { deployment: 'bge-m3-embeddings', status: 'running', message: null },
  ],
  key_deleted: false,
  failure: null,
  started_by: 'someone@example.com',
  created_at: new Date().toISOString(),
  updated_at: new Date().toISOString(),
  run_after: null,
  rotation: null,
};

/**
 * The project's job list as the server answers it, with `running` added while `on()` says so:
 * the mark comes and goes at the page's next poll with nothing else on the row changing (a real
 * job would add a deployment name at the same time, and hide what the mark alone does).
 */
async function jobListWithProbe(page: Page, on: () => boolean) {
  await page.route(
    (url) => url.pathname === '/__app/jobs' && url.searchParams.get('project_id') === '1',
    async (route: Route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { results: Job[] };
      const results = on() ? [running, ...body.results] : body.results;
      await route.fulfill({ response, json: { results } });
    },
  );
}

/** Each row's name button and actions menu: what a pointer may be about to press. */
async function pressTargets(page: Page): Promise<Locator[]> {
  const names = await keysTable(page).locator('tbody tr td:first-child button').allTextContents();
  return names.flatMap((name) => [
    rowOf(page, name).getByRole('button', { name, exact: true }),
    rowOf(page, name).getByRole('button', { name: `Actions for ${name}` }),
  ]);
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 768, height: 1024 },
  { width: 390, height: 844 },
]) {
  test(`at ${viewport.width} px the "${MARK}" mark moves no row's name or menu, coming or going`, async ({
    page,
  }) => {
    let probing = false;
    await page.setViewportSize(viewport);
    await page.clock.install();
    await jobListWithProbe(page, () => probing);
    await page.goto('/');
    await expect(rowOf(page, KEY)).toBeVisible();
    await expect(rowOf(page, 'old-demo')).toBeVisible();
    const targets = await pressTargets(page);
    expect(targets.length).toBeGreaterThanOrEqual(6);

    await expectNothingMoves(targets, async () => {
      probing = true;
      await page.clock.fastForward(IDLE_POLL_MS);
      await expect(rowOf(page, KEY)).toContainText(MARK);
    });
    await expectNothingMoves(targets, async () => {
      probing = false;
      await page.clock.fastForward(ACTIVE_POLL_MS);
      await expect(rowOf(page, KEY)).not.toContainText(MARK);
    });
  });
}
