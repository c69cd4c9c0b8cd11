import { FLOORS } from './floors.ts';
import type { Results } from './results.ts';
import type { Summary } from './stats.ts';

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
  const { bundle } = r;
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

  if (r.lighthouse) {
    const widths = [-9, 6, 6, 6, 8, 8, 8, 7];
    out.push('', 'Lighthouse 12 (median run by performance)');
    out.push(row(['preset', 'perf', 'a11y', 'b.p.', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS'], widths));
    for (const [preset, lh] of Object.entries(r.lighthouse)) {
      out.push(
        row(
          [
            preset,
            lh.performance,
            lh.accessibility,
            lh.bestPractices,
            lh.fcpMs,
            lh.lcpMs,
            lh.tbtMs,
            lh.cls,
          ],
          widths,
        ),
      );
      if (lh.failing.length > 0) out.push(`  costing points: ${lh.failing.join(', ')}`);
    }
  }
  const summaries: [string, Summary][] = [];
  if (r.interaction) {
    const parts = r.interaction.clickToDialogParts;
    summaries.push(['click → reveal dialog painted', r.interaction.clickToDialogMs]);
    summaries.push(['  click → create request sent', parts.beforeRequestMs]);
    summaries.push(['  request → answer (proxy + sandbox)', parts.roundTripMs]);
    summaries.push(['  answer → dialog painted', parts.afterAnswerMs]);
    summaries.push(['navigation start → form usable', r.interaction.navigationToFormReadyMs]);
    summaries.push(['navigation start → key list painted', r.interaction.navigationToListMs]);
  }
  if (r.listRender) {
    summaries.push(['1000 rows per page → 1000 rows painted', r.listRender.pageOf1000Ms]);
    summaries.push(['filter in URL → 100 rows painted', r.listRender.filterUrlToRowsMs]);
    summaries.push(['filter keystroke → rows (250 ms debounce)', r.listRender.filterInputToRowsMs]);
  }
  if (summaries.length > 0) {
    const widths = [-42, 5, 8, 8, 8, 8];
    out.push('', 'In-page timings, ms (performance.now() in Chromium)');
    out.push(row(['measure', 'runs', 'median', 'p95', 'min', 'max'], widths));
    for (const [name, s] of summaries) {
      out.push(row([name, s.runs, s.median, s.p95, s.min, s.max], widths));
    }
  }
  if (r.renders) {
    const widths = [-26, 8, 8, 9, 14, 8];
    out.push('', 'Components React renders (commit hook, production build)');
    out.push(row(['action', 'actions', 'commits', 'rendered', 'per action', 'on page'], widths));
    for (const c of r.renders) {
      const each = (c.rendered / c.actions).toFixed(1);
      out.push(row([c.action, c.actions, c.commits, c.rendered, each, c.mounted], widths));
    }
  }
  out.push('', 'Budgets (targets, not assertions)');
  for (const b of r.budgets) {
    out.push(
      `  ${b.met ? 'met    ' : 'NOT met'}  ${b.name.padEnd(32)} ${b.actual.padStart(9)}  target ${b.target}`,
    );
  }
  console.log(out.join('\n'));
}
