import type { Page } from '@playwright/test';
import { elapsed, readStamps, sampleVisits, waitForStamp } from './browser.ts';
import { resetPreviewSandbox } from './preview.ts';
import { summarize, type Summary } from './stats.ts';

export type InteractionResult = {
  /** From the click on "Create API key" to the reveal dialog painted. */
  clickToDialogMs: Summary;
  /** The same, split: click → create request sent, its round trip, answer → dialog painted. */
  clickToDialogParts: { beforeRequestMs: Summary; roundTripMs: Summary; afterAnswerMs: Summary };
  /** From navigation start to the form usable: Name enabled, projects and deployments loaded. */
  navigationToFormReadyMs: Summary;
  /** From navigation start to the first rows of the key list painted. */
  navigationToListMs: Summary;
  warmupRuns: number;
};

/**
 * Each run is one first visit: load, wait until the form is usable, type a unique name, create,
 * wait for the reveal dialog. The first runs only warm up Chromium, V8 and the servers.
 */
export async function measureInteraction(runs: number, warmupRuns = 2): Promise<InteractionResult> {
  await resetPreviewSandbox();
  const prefix = `bench-${Date.now().toString(36)}`;
  const samples = await sampleVisits(runs, warmupRuns, (page, i) =>
    createOnce(page, `${prefix}-${i}`),
  );
  const of = (measure: keyof (typeof samples)[number]) =>
    summarize(samples.map((sample) => sample[measure]));
  return {
    clickToDialogMs: of('dialogMs'),
    clickToDialogParts: {
      beforeRequestMs: of('beforeRequestMs'),
      roundTripMs: of('roundTripMs'),
      afterAnswerMs: of('afterAnswerMs'),
    },
    navigationToFormReadyMs: of('readyMs'),
    navigationToListMs: of('listMs'),
    warmupRuns,
  };
}

async function createOnce(page: Page, name: string) {
  await waitForStamp(page, 'formReadyAt');
  await waitForStamp(page, 'listPaintedAt');
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await page.getByRole('button', { name: 'Create API key' }).click();
  await waitForStamp(page, 'dialogPaintedAt');
  await waitForStamp(page, 'createAnsweredAt');
  const stamps = await readStamps(page);
  return {
    readyMs: elapsed(0, stamps.formReadyAt),
    listMs: elapsed(0, stamps.listPaintedAt),
    dialogMs: elapsed(stamps.clickAt, stamps.dialogPaintedAt),
    beforeRequestMs: elapsed(stamps.clickAt, stamps.createSentAt),
    roundTripMs: elapsed(stamps.createSentAt, stamps.createAnsweredAt),
    afterAnswerMs: elapsed(stamps.createAnsweredAt, stamps.dialogPaintedAt),
  };
}
