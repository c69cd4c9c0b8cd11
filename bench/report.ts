import { FLOORS } from './floors.ts';
import type { Results } from './results.ts';
import { NOISE_LIMIT } from './calibration.ts';
import { printServerSteps } from './server-report.ts';
import type { Comparison } from './stats.ts';

const kB = (bytes: number) => (bytes / 1000).toFixed(1);
/** A negative width left-aligns the column. */
const row = (cells: (string | number)[], widths: number[]) =>
  cells
    .map((cell, i) => {
      const width = widths[i] ?? 8;
      return width < 0 ? String(cell).padEnd(-width) : String(cell).padStart(width);
    })
    .join(' ');

export function printReport(r: Results): void {
  const out: string[] = [];
  const { bundle, calibration: c } = r;
  const drift = `${c.drift >= 0 ? '+' : ''}${(c.drift * 100).toFixed(0)} %`;
  out.push(
    '',
    `Machine speed (fixed CPU loop, median of 9): ${c.startMs} ms at the start, ${c.endMs} ms at the end (${drift})`,
    c.noisy
      ? `  NOISY RUN: the two differ by more than ${NOISE_LIMIT * 100} %; do not compare its figures.`
      : `  steady: within ${NOISE_LIMIT * 100} %.`,
    `Generation: asked ${r.generation.asked}, the app was served ${r.generation.served}` +
      (r.interaction ? `; both created keys with POST ${r.interaction.createPath}` : ''),
  );
  if (r.interaction) {
    const { createShape, boundTo, bindingsAfterReveal: b } = r.interaction;
    out.push(
      `Create form: ${createShape === 'sheet' ? 'in a sheet (opened by Create API key; the floor: a native dialog)' : 'inline'}; each key bound to ${boundTo}` +
        (b
          ? `; binding PATCH after the reveal in ${b.seen} of ${b.runs} app runs`
          : ' in the create call'),
    );
  }
  const first = new Set(bundle.firstLoad.files);
  out.push(
    '',
    'Bundle (kB = 1000 bytes; gzip at zlib level 6)',
    row(['asset', 'raw kB', 'gzip kB'], [-50, 9, 9]),
  );
  for (const asset of bundle.assets) {
    const tag = first.has(asset.file) ? ' (first load)' : ' (lazy)';
    out.push(row([`${asset.file}${tag}`, kB(asset.raw), kB(asset.gzip)], [-50, 9, 9]));
  }
  const total = (name: string, t: { raw: number; gzip: number }) =>
    out.push(row([name, kB(t.raw), kB(t.gzip)], [-50, 9, 9]));
  total('first-load JS', bundle.firstLoad.js);
  total('first-load CSS', bundle.firstLoad.css);
  total('lazy JS', bundle.lazyJs);
  total(`floor: ${FLOORS.react.label}`, bundle.floor.js);
  total(`stack floor: ${FLOORS.stack.label}`, bundle.stackFloor.js);
  out.push(`app first-load JS ÷ floor (gzip): ${bundle.ratio}×`);
  out.push(`app first-load JS ÷ stack floor (gzip): ${bundle.stackRatio}×`);
  const ownCode = bundle.firstLoad.js.gzip - bundle.stackFloor.js.gzip;
  out.push(`first-load JS above the stack floor (gzip): ${kB(ownCode)} kB`);

  if (r.lighthouse) printLighthouse(out, r.lighthouse);
  printTimings(out, r);
  if (r.renders) {
    const widths = [-26, 8, 8, 9, 14, 8];
    out.push('', 'Components React renders (commit hook, production build)');
    out.push(row(['action', 'actions', 'commits', 'rendered', 'per action', 'on page'], widths));
    for (const c of r.renders) {
      const each = (c.rendered / c.actions).toFixed(1);
      out.push(row([c.action, c.actions, c.commits, c.rendered, each, c.mounted], widths));
    }
  }
  printServerSteps(out, r);
  out.push('', 'Budgets (targets, not assertions; timings as app ÷ floor of this run)');
  for (const b of r.budgets) {
    out.push(
      `  ${b.met ? 'met    ' : 'NOT met'}  ${b.name.padEnd(48)} ${b.actual.padStart(28)}  target ${b.target}`,
    );
  }
  console.log(out.join('\n'));
}

function printLighthouse(out: string[], lighthouse: NonNullable<Results['lighthouse']>): void {
  const widths = [-18, 6, 6, 6, 8, 8, 8, 7, -16];
  out.push('', 'Lighthouse 12 (median run by performance; app and floor in turns)');
  out.push(
    row(
      ['preset', 'perf', 'a11y', 'b.p.', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'perf runs'],
      widths,
    ),
  );
  for (const [preset, pages] of Object.entries(lighthouse)) {
    for (const [target, lh] of Object.entries(pages)) {
      const cells = [lh.performance, lh.accessibility, lh.bestPractices, lh.fcpMs, lh.lcpMs];
      const name = `${preset} ${target}`;
      out.push(row([name, ...cells, lh.tbtMs, lh.cls, lh.runs.join(', ')], widths));
      if (lh.failing.length > 0) out.push(`  costing points: ${lh.failing.join(', ')}`);
    }
    out.push(
      `  ${preset} performance, app − floor: ${pages.app.performance - pages.floor.performance}`,
    );
  }
}

function printTimings(out: string[], r: Results): void {
  const rows: [string, Comparison][] = [];
  if (r.interaction) {
    const parts = r.interaction.clickToDialogParts;
    rows.push(['click → reveal dialog painted', r.interaction.clickToDialogMs]);
    rows.push(['  click → create request sent', parts.beforeRequestMs]);
    rows.push(['  request → answer (gateway + sandbox)', parts.roundTripMs]);
    rows.push(['  answer → dialog painted', parts.afterAnswerMs]);
    rows.push(['navigation start → form usable', r.interaction.navigationToFormReadyMs]);
    rows.push(['navigation start → key list painted', r.interaction.navigationToListMs]);
    if (r.interaction.openerToFormReadyMs) {
      rows.push(['click Create API key → form usable', r.interaction.openerToFormReadyMs]);
    }
  }
  if (r.listRender) {
    rows.push(['1000 rows per page → 1000 rows painted', r.listRender.pageOf1000Ms]);
    rows.push(['filter in URL → 100 rows painted', r.listRender.filterUrlToRowsMs]);
    rows.push(['filter keystroke → rows (250 ms debounce)', r.listRender.filterInputToRowsMs]);
  }
  if (r.bigList) {
    rows.push(['10,000 keys: navigation → first rows', r.bigList.navigationToFirstRowsMs]);
    rows.push(['10,000 keys: filter keystroke → rows', r.bigList.filterInputToRowsMs]);
    rows.push(['10,000 keys: filter in URL → rows', r.bigList.filterUrlToRowsMs]);
  }
  if (rows.length === 0) return;
  const widths = [-42, 5, 8, 8, 10, 10, 10, 10];
  out.push('', 'In-page timings: app ÷ floor, then ms (performance.now() in Chromium)');
  out.push(
    row(
      ['measure', 'runs', '÷ median', '÷ p95', 'app med', 'floor med', 'app p95', 'floor p95'],
      widths,
    ),
  );
  for (const [name, c] of rows) {
    const cells = [c.app.median, c.floor.median, c.app.p95, c.floor.p95];
    out.push(row([name, c.app.runs, `${c.ratio.median}×`, `${c.ratio.p95}×`, ...cells], widths));
  }
}
