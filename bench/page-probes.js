/* global window, document, history, location, requestAnimationFrame, MutationObserver, Element, HTMLInputElement, HTMLSelectElement */
// Installed before any page script (a Playwright init script). It stamps, with the page's own
// performance.now() (0 is the navigation start), the moments the bench reports, so no round
// trip between Node and the browser ends up in a figure. Plain JS: tsx would wrap a TS function
// in helpers that do not exist in the page.
(() => {
  const bench = {
    formReadyAt: null,
    openerClickAt: null,
    listPaintedAt: null,
    clickAt: null,
    createSentAt: null,
    createAnsweredAt: null,
    dialogPaintedAt: null,
    createPath: null,
    sizeChangeAt: null,
    rowsTarget: null,
    rowsPaintedAt: null,
    filter: null,
    filterInputAt: null,
    filterUrlAt: null,
    filterPaintedAt: null,
  };
  // The first key rows are awaited from the start: the list is the page's second purpose.
  const pending = new Set(['list']);
  window.__bench = bench;

  // A rAF callback runs just before a frame is painted; a message posted from it is handled
  // right after that paint, so its time is when the change was first on screen.
  const afterNextPaint = (stamp) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => stamp(performance.now());
      channel.port2.postMessage(null);
    });

  // Labels by their text, and only where they are on screen: a closed sheet keeps its form
  // mounted but not rendered.
  const shown = (element) => element instanceof Element && element.getClientRects().length > 0;
  const byLabel = (text) => {
    const label = [...document.querySelectorAll('label')].find(
      (candidate) => candidate.textContent.trim() === text && shown(candidate),
    );
    return label?.htmlFor ? document.getElementById(label.htmlFor) : null;
  };
  // Rows of keys, not a loading placeholder nor the spacers a virtualised body renders.
  const bodyRows = () =>
    document.querySelectorAll('table:not([aria-busy="true"]) tbody tr:not([aria-hidden="true"])');
  // How many rows the page holds: a virtualised table renders the ones in view and says how many
  // there are in aria-rowcount (the header row included); a plain one renders them all.
  const pageRows = () => {
    const count = document.querySelector('table[aria-rowcount]')?.getAttribute('aria-rowcount');
    return count ? Number(count) - 1 : bodyRows().length;
  };
  const CREATE = /create api key/i;
  const DEPLOYMENTS = /inference instances|deployments/i;

  // Usable: Name can be typed in, its form's project (where the form has one) is chosen, and the
  // deployments are listed. The form may be inline or in a sheet opened by "Create API key".
  const formReady = () => {
    const name = byLabel('Name');
    if (!(name instanceof HTMLInputElement) || name.disabled || !shown(name) || !name.form) {
      return false;
    }
    const project = byLabel('Project');
    const projectChosen =
      !(project instanceof HTMLSelectElement) ||
      project.form !== name.form ||
      (!project.disabled && project.value !== '');
    const instances = [...name.form.querySelectorAll('fieldset')].find((fieldset) =>
      DEPLOYMENTS.test(fieldset.querySelector('legend')?.textContent ?? ''),
    );
    return projectChosen && instances?.querySelector('input[type="checkbox"]') != null;
  };
  const revealOpen = () =>
    [...document.querySelectorAll('dialog[open] h2')].some(
      // Its own dialog open, not only the sheet around it.
      (heading) =>
        heading.textContent.trim() === 'Save your API key' && heading.closest('dialog').open,
    );
  const filtered = () => {
    const rows = [...bodyRows()];
    return (
      pageRows() === bench.filter.expected &&
      rows.length > 0 &&
      rows.every((row) => row.textContent.includes(bench.filter.text))
    );
  };

  const check = () => {
    if (bench.formReadyAt === null && formReady()) bench.formReadyAt = performance.now();
    const watch = (name, done, stamp) => {
      if (!pending.has(name) || !done()) return;
      pending.delete(name);
      afterNextPaint(stamp);
    };
    watch(
      'list',
      () => bodyRows().length > 0,
      (at) => (bench.listPaintedAt = at),
    );
    watch('dialog', revealOpen, (at) => (bench.dialogPaintedAt = at));
    watch(
      'rows',
      () => pageRows() === bench.rowsTarget && bodyRows().length > 0,
      (at) => (bench.rowsPaintedAt = at),
    );
    watch('filter', filtered, (at) => (bench.filterPaintedAt = at));
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  // A select's value is a property, not an attribute: poll each frame until the form is ready.
  const poll = () => {
    check();
    if (bench.formReadyAt === null) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);

  document.addEventListener(
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (!button || !CREATE.test(button.textContent)) return;
      // The button that opens the create sheet, not the form's own submit.
      if (button.type !== 'submit' || !button.form) {
        if (bench.openerClickAt === null) bench.openerClickAt = event.timeStamp;
        return;
      }
      // The event's own time: any delay before the listener runs counts against the app.
      bench.clickAt = event.timeStamp;
      Object.assign(bench, {
        createSentAt: null,
        createAnsweredAt: null,
        dialogPaintedAt: null,
        createPath: null,
      });
      pending.add('dialog');
    },
    true,
  );
  document.addEventListener(
    'change',
    (event) => {
      if (bench.rowsTarget !== null && event.target === byLabel('Rows per page')) {
        bench.sizeChangeAt = event.timeStamp;
      }
    },
    true,
  );
  document.addEventListener(
    'input',
    (event) => {
      // The app's label goes on ("…, description or deployment"); the floor's stops there.
      const label = event.target?.getAttribute?.('aria-label') ?? '';
      if (bench.filter && label.startsWith('Filter keys by name')) {
        bench.filterInputAt = event.timeStamp;
      }
    },
    true,
  );
  // The moment the debounced filter reaches the URL (and so the query): the app's own change.
  for (const method of ['pushState', 'replaceState']) {
    const original = history[method];
    history[method] = function (...args) {
      const result = original.apply(this, args);
      const q = new URL(location.href).searchParams.get('q');
      if (bench.filter && bench.filterUrlAt === null && q === bench.filter.text) {
        bench.filterUrlAt = performance.now();
      }
      return result;
    };
  }

  // Splits click → dialog into the page's work before the request, the round trip through the
  // proxy and the sandbox, and the page's work after it. The create is the only call to the keys
  // path without a query string: /cloud/v2/inference/api_keys or /cloud/v3/inference/{p}/api_keys.
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const url = new URL(entry.name);
      if (bench.clickAt === null || entry.startTime < bench.clickAt) continue;
      if (entry.initiatorType !== 'fetch' || url.search !== '') continue;
      if (!/\/inference\/(\d+\/)?api_keys$/.test(url.pathname)) continue;
      bench.createPath = url.pathname;
      bench.createSentAt = entry.startTime;
      bench.createAnsweredAt = entry.responseEnd;
    }
  }).observe({ type: 'resource' });

  bench.armRows = (count) => {
    Object.assign(bench, { rowsTarget: count, rowsPaintedAt: null, sizeChangeAt: null });
    pending.add('rows');
  };
  bench.armFilter = (text, expected) => {
    bench.filter = { text, expected };
    Object.assign(bench, { filterInputAt: null, filterUrlAt: null, filterPaintedAt: null });
    pending.add('filter');
  };
})();
