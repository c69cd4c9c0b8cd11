#!/usr/bin/env node
/**
 * Rewrites raw palette classes (bg-slate-50, text-amber-900, …) to the semantic tokens of
 * src/index.css, so both themes follow from one table. Run over folders or files:
 *
 *   node scripts/semantic-colours.mjs src/features src/app      # rewrite in place
 *   node scripts/semantic-colours.mjs --check src/features      # list what would change and
 *                                                               # every raw class with no mapping;
 *                                                               # exit 1 if anything is unmapped
 *
 * `backdrop:` classes are dropped (src/index.css colours dialog::backdrop per theme).
 * Variant prefixes (hover:, aria-[invalid=true]:, group-hover:, …) and opacity suffixes (/60)
 * are kept. White/black text depends on what it sits on, so it is mapped from the background in
 * the same class string and listed as unmapped when that is not there.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** palette colour-step → token, per utility family. `*` is any utility that takes a colour. */
export const MAPPINGS = {
  bg: {
    white: 'surface',
    'slate-50': 'canvas',
    'slate-100': 'surface-muted',
    'slate-200': 'surface-strong',
    'slate-900': 'inverse',
    'brand-600': 'accent',
    'brand-700': 'accent',
    'brand-800': 'accent-hover',
    'red-50': 'danger-subtle',
    'red-100': 'danger-subtle',
    'red-700': 'danger-solid',
    'red-800': 'danger-solid-hover',
    'amber-50': 'warning-subtle',
    'amber-100': 'warning-subtle',
    'sky-50': 'info-subtle',
    'sky-100': 'info-subtle',
    'emerald-50': 'success-subtle',
    'emerald-100': 'success-subtle',
    'emerald-700': 'success-solid',
    'violet-50': 'other-subtle',
    'violet-100': 'other-subtle',
  },
  text: {
    'slate-900': 'fg',
    'slate-800': 'fg',
    'slate-700': 'fg-muted',
    'slate-600': 'fg-muted',
    'slate-500': 'fg-muted',
    'slate-400': 'fg-subtle',
    'brand-700': 'accent',
    'brand-800': 'accent-hover',
    'red-700': 'danger-fg',
    'red-800': 'danger-fg',
    'red-900': 'danger-fg',
    'amber-800': 'warning-fg',
    'amber-900': 'warning-fg',
    'sky-800': 'info-fg',
    'sky-900': 'info-fg',
    'emerald-700': 'success-fg',
    'emerald-800': 'success-fg',
    'emerald-900': 'success-fg',
    'violet-800': 'other-fg',
    'violet-900': 'other-fg',
  },
  border: {
    'slate-100': 'line',
    'slate-200': 'line',
    'slate-300': 'line-strong',
    'slate-400': 'line-strong',
    'brand-600': 'accent',
    'red-200': 'danger-line',
    'red-300': 'danger-line',
    'red-600': 'danger-strong',
    'amber-200': 'warning-line',
    'amber-300': 'warning-line',
    'sky-200': 'info-line',
    'sky-300': 'info-line',
    'emerald-200': 'success-line',
    'emerald-300': 'success-line',
  },
  outline: {
    'slate-700': 'focus',
    'slate-900': 'focus',
    'brand-600': 'accent',
    'brand-700': 'focus',
    'brand-800': 'focus',
    'red-600': 'danger-strong',
    'red-700': 'focus',
    'red-800': 'focus',
  },
  '*': { 'brand-600': 'accent', 'brand-700': 'accent', 'slate-200': 'line', 'slate-300': 'line' },
};

/** Text on a solid background takes that background's foreground token. */
const ON_BACKGROUND = [
  [/\bbg-(brand)-\d+/, 'accent-fg'],
  [/\bbg-red-(6|7|8|9)00\b/, 'danger-solid-fg'],
  [/\bbg-emerald-(6|7|8)00\b/, 'success-solid-fg'],
  [/\bbg-slate-(8|9)00\b/, 'inverse-fg'],
];

const PALETTE =
  'slate|gray|zinc|neutral|stone|red|orange|amber|yellow|lime|green|emerald|teal|cyan|sky|blue|indigo|violet|purple|fuchsia|pink|rose|brand';
const UTILITY =
  'bg|text|border(?:-[trblxy])?|outline|ring|ring-offset|divide|fill|stroke|decoration|placeholder|accent|caret|from|via|to|shadow';
const RAW = new RegExp(
  `(?<![\\w-])((?:[\\w\\[\\]=&.:-]+:)?)(${UTILITY})-((?:${PALETTE})-\\d{2,3}|white|black)(/\\d+)?(?![\\w-])`,
  'g',
);
const CLASS_STRING = /(["'`])((?:(?!\1)[^\n\\]|\\.)*)\1/g;

function family(utility) {
  return utility.startsWith('border') ? 'border' : utility;
}

function mapOne(prefix, utility, colour, alpha, context) {
  // src/index.css gives dialog::backdrop a colour per theme; a class here would override it.
  if (prefix.includes('backdrop:')) return '';
  const fam = family(utility);
  if ((colour === 'white' || colour === 'slate-100' || colour === 'slate-50') && fam === 'text') {
    const found = ON_BACKGROUND.find(([pattern]) => pattern.test(context));
    if (found) return `${prefix}${utility}-${found[1]}${alpha ?? ''}`;
    return null;
  }
  const token = MAPPINGS[fam]?.[colour] ?? MAPPINGS['*'][colour];
  return token ? `${prefix}${utility}-${token}${alpha ?? ''}` : null;
}

/** The file's text with every mappable class rewritten, and what could not be mapped. */
export function rewrite(source) {
  const unmapped = [];
  const text = source.replace(CLASS_STRING, (whole, quote, body) => {
    let dropped = false;
    const next = body.replace(RAW, (cls, prefix, utility, colour, alpha) => {
      const mapped = mapOne(prefix, utility, colour, alpha, body);
      if (mapped === '') dropped = true;
      if (mapped === null) unmapped.push(cls);
      return mapped ?? cls;
    });
    // A dropped class (backdrop:) leaves a double space behind.
    return `${quote}${dropped ? next.replace(/ {2}/g, ' ') : next}${quote}`;
  });
  return { text, unmapped };
}

async function* sourceFiles(path) {
  const info = await stat(path);
  if (info.isFile()) {
    if (['.ts', '.tsx'].includes(extname(path))) yield path;
    return;
  }
  for (const entry of await readdir(path)) yield* sourceFiles(join(path, entry));
}

async function main(argv) {
  const check = argv.includes('--check');
  const paths = argv.filter((arg) => arg !== '--check');
  if (paths.length === 0) {
    console.error('Usage: node scripts/semantic-colours.mjs [--check] <file or folder>…');
    return 2;
  }
  let changed = 0;
  let unmappedCount = 0;
  for (const root of paths) {
    for await (const file of sourceFiles(root)) {
      const source = await readFile(file, 'utf8');
      const { text, unmapped } = rewrite(source);
      for (const cls of unmapped) console.error(`${file}: no mapping for ${cls}`);
      unmappedCount += unmapped.length;
      if (text === source) continue;
      changed += 1;
      if (check) console.log(`${file}: would rewrite`);
      else await writeFile(file, text);
    }
  }
  console.log(
    `${countOf(changed, 'file', 'files')} ${check ? 'to rewrite' : 'rewritten'}, ` +
      `${countOf(unmappedCount, 'class', 'classes')} unmapped`,
  );
  return unmappedCount > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}

/** "1 file", "2 files": the count with its noun in the form the count takes. */
function countOf(count, one, other) {
  return `${count} ${new Intl.PluralRules('en').select(count) === 'one' ? one : other}`;
}
