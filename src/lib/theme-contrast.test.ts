import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The tokens of src/index.css, each as its [light, dark] hex pair. */
const css = readFileSync(resolve(import.meta.dirname, '../index.css'), 'utf8');
const TOKENS = new Map(
  [...css.matchAll(/--color-([\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi)].map(
    ([, name = '', light = '', dark = '']) => [name, [light, dark] as const],
  ),
);

function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function ratio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Text on its backgrounds: WCAG AA 1.4.3, 4.5:1. */
const TEXT: [string, string][] = [
  ...['canvas', 'surface', 'surface-muted', 'surface-strong'].flatMap((bg): [string, string][] => [
    ['fg', bg],
    ['fg-muted', bg],
  ]),
  ['accent-fg', 'accent'],
  ['accent-fg', 'accent-hover'],
  ['danger-solid-fg', 'danger-solid'],
  ['danger-solid-fg', 'danger-solid-hover'],
  ['success-solid-fg', 'success-solid'],
  ['inverse-fg', 'inverse'],
  ['info-fg', 'info-subtle'],
  ['success-fg', 'success-subtle'],
  ['warning-fg', 'warning-subtle'],
  ['danger-fg', 'danger-subtle'],
  ['danger-fg', 'surface'],
  ['other-fg', 'other-subtle'],
];

/** Control borders and focus indicators: WCAG AA 1.4.11, 3:1. */
const NON_TEXT: [string, string][] = [
  ['line-strong', 'surface'],
  ['line-strong', 'canvas'],
  ['focus', 'surface'],
  ['focus', 'canvas'],
  ['focus', 'surface-muted'],
  ['accent', 'surface'],
  ['danger-strong', 'surface'],
];

describe('colour tokens', () => {
  it('are all read from src/index.css', () => {
    for (const [fg, bg] of [...TEXT, ...NON_TEXT]) {
      expect(TOKENS.has(fg), fg).toBe(true);
      expect(TOKENS.has(bg), bg).toBe(true);
    }
  });

  it.each([
    ['light', 0],
    ['dark', 1],
  ] as const)('meet AA in the %s theme', (_theme, index) => {
    const failures = [
      ...TEXT.map(([fg, bg]) => [fg, bg, 4.5] as const),
      ...NON_TEXT.map(([fg, bg]) => [fg, bg, 3] as const),
    ]
      .map(([fg, bg, min]) => {
        const value = ratio(TOKENS.get(fg)?.[index] ?? '', TOKENS.get(bg)?.[index] ?? '');
        return { pair: `${fg} on ${bg}`, ratio: Math.round(value * 100) / 100, min };
      })
      .filter(({ ratio: value, min }) => value < min);
    expect(failures).toEqual([]);
  });
});
