import type { Page, Request } from '@playwright/test';
import { elapsed, readStamps, samplePairs, waitForStamp } from './browser.ts';
import {
  BIND_DEPLOYMENT,
  deploymentBox,
  detectCreateShape,
  nameField,
  openCreateForm,
  submitButton,
  type CreateShape,
} from './create-form.ts';
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
  /**
   * From navigation start to the form usable: Name enabled, projects and deployments loaded.
   * Where the form is in a sheet, this includes the bench's click on "Create API key".
   */
  navigationToFormReadyMs: Comparison;
  /** Where the form is in a sheet: the click on "Create API key" → the form usable. */
  openerToFormReadyMs?: Comparison;
  /** Inline on the page, or in a sheet (then the floor's form is in a native dialog too). */
  createShape: CreateShape;
  /** The deployment every create binds the new key to. */
  boundTo: string;
  /**
   * v3: app runs in which the binding's PATCH of the deployment followed the reveal (it runs
   * after the dialog, outside the timing), of the measured runs; null in v2 (bound in the create).
   */
  bindingsAfterReveal: { seen: number; runs: number } | null;
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
  let createShape = 'inline' as CreateShape;
  // Whether the app binds after the reveal, learnt on the first visit: a tree whose reveal does
  // not start bindings yet costs one wait, not one per run.
  let appBinds: boolean | null = null;
  const samples = await samplePairs(
    runs,
    warmupRuns,
    async (page, target, i) => {
      const sample = await createOnce(
        page,
        `${prefix}-${target}-${i}`,
        target === 'app' && appBinds !== false,
      );
      if (target === 'app' && sample.createPath?.includes('/v3/')) appBinds ??= sample.bound;
      return sample;
    },
    async (browser) => {
      createShape = await detectCreateShape(browser);
      return createShape === 'sheet' ? '?sheet' : '';
    },
  );
  const paths = new Set([...samples.app, ...samples.floor].map((sample) => sample.createPath));
  if (paths.size !== 1) {
    throw new Error(
      `App and floor created keys through different calls: ${[...paths].join(', ')}.`,
    );
  }
  type Measure = Exclude<keyof (typeof samples.app)[number], 'createPath' | 'bound' | 'openerMs'>;
  const of = (measure: Measure) =>
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
    ...(createShape === 'sheet' && {
      openerToFormReadyMs: compare(
        samples.app.map((sample) => sample.openerMs ?? Number.NaN),
        samples.floor.map((sample) => sample.openerMs ?? Number.NaN),
      ),
    }),
    createShape,
    boundTo: BIND_DEPLOYMENT,
    bindingsAfterReveal: [...paths][0]?.includes('/v3/')
      ? { seen: samples.app.filter((sample) => sample.bound).length, runs: samples.app.length }
      : null,
    createPath: [...paths][0] ?? '',
    warmupRuns,
  };
}

const isBindingPatch = (request: Request) =>
  request.method() === 'PATCH' &&
  new URL(request.url()).pathname.endsWith(`/deployments/${BIND_DEPLOYMENT}`);

/**
 * One visit: open the sheet if there is one, wait for the form and the list, then create a key
 * bound to one deployment. `awaitBinding`: after the reveal, wait (5 s at most) for the v3
 * binding's PATCH, so the visit holds the whole create path; it is not in any timing.
 */
export async function createOnce(page: Page, name: string, awaitBinding: boolean) {
  await openCreateForm(page);
  await waitForStamp(page, 'formReadyAt');
  await waitForStamp(page, 'listPaintedAt');
  await nameField(page).fill(name);
  await deploymentBox(page).check();
  const binding = page.waitForRequest(isBindingPatch, { timeout: 5000 }).then(
    () => true,
    () => false,
  );
  await submitButton(page).click();
  await waitForStamp(page, 'dialogPaintedAt');
  await waitForStamp(page, 'createAnsweredAt');
  const stamps = await readStamps(page);
  const v3 = stamps.createPath?.includes('/v3/') ?? false;
  const bound = v3 && awaitBinding ? await binding : false;
  return {
    bound,
    openerMs:
      stamps.openerClickAt === null ? null : elapsed(stamps.openerClickAt, stamps.formReadyAt),
    createPath: stamps.createPath,
    readyMs: elapsed(0, stamps.formReadyAt),
    listMs: elapsed(0, stamps.listPaintedAt),
    dialogMs: elapsed(stamps.clickAt, stamps.dialogPaintedAt),
    beforeRequestMs: elapsed(stamps.clickAt, stamps.createSentAt),
    roundTripMs: elapsed(stamps.createSentAt, stamps.createAnsweredAt),
    afterAnswerMs: elapsed(stamps.createAnsweredAt, stamps.dialogPaintedAt),
  };
}
