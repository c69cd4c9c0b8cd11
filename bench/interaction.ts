import type { Page } from '@playwright/test';
import { elapsed, readStamps, samplePairs, waitForStamp } from './browser.ts';
import { resetPreviewSandbox } from './preview.ts';
import { compare, type Comparison } from './stats.ts';

export type InteractionResult = {
  /** From the click on "Create API key" to the reveal dialog painted. */
  clickToDialogMs: Comparison;
  /** The same, split: click → create request sent, its round trip, answer → dialog painted. */
  clickToDialogParts: {
    beforeRequestMs: Comparison;
    roundTripMs: Comparison;
    afterAnswerMs: Comparison;
  };
  /** From navigation start to the form usable: Name enabled, projects and deployments loaded. */
  navigationToFormReadyMs: Comparison;
  /** From navigation start to the first rows of the key list painted. */
  navigationToListMs: Comparison;
  /** The create call both made, e.g. /cloud/v2/inference/api_keys. */
  createPath: string;
  warmupRuns: number;
};

/**
 * Each run is one first visit of the app and one of the floor: load, wait until the form is
 * usable, type a unique name, create, wait for the reveal dialog. The first pairs only warm up
 * Chromium, V8 and the servers.
 */
export async function measureInteraction(runs: number, warmupRuns = 2): Promise<InteractionResult> {
  await resetPreviewSandbox();
  const prefix = `bench-${Date.now().toString(36)}`;
  const samples = await samplePairs(runs, warmupRuns, (page, target, i) =>
    createOnce(page, `${prefix}-${target}-${i}`),
  );
  const paths = new Set([...samples.app, ...samples.floor].map((sample) => sample.createPath));
  if (paths.size !== 1) {
    throw new Error(
      `App and floor created keys through different calls: ${[...paths].join(', ')}.`,
    );
  }
  const of = (measure: Exclude<keyof (typeof samples.app)[number], 'createPath'>) =>
    compare(
      samples.app.map((sample) => sample[measure]),
      samples.floor.map((sample) => sample[measure]),
    );
  return {
    clickToDialogMs: of('dialogMs'),
    clickToDialogParts: {
      beforeRequestMs: of('beforeRequestMs'),
      roundTripMs: of('roundTripMs'),
      afterAnswerMs: of('afterAnswerMs'),
    },
    navigationToFormReadyMs: of('readyMs'),
    navigationToListMs: of('listMs'),
    createPath: [...paths][0] ?? '',
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
    createPath: stamps.createPath,
    readyMs: elapsed(0, stamps.formReadyAt),
    listMs: elapsed(0, stamps.listPaintedAt),
    dialogMs: elapsed(stamps.clickAt, stamps.dialogPaintedAt),
    beforeRequestMs: elapsed(stamps.clickAt, stamps.createSentAt),
    roundTripMs: elapsed(stamps.createSentAt, stamps.createAnsweredAt),
    afterAnswerMs: elapsed(stamps.createAnsweredAt, stamps.dialogPaintedAt),
  };
}
