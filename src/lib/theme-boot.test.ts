import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { THEME_STORAGE_KEY } from './theme';

const REPO = resolve(import.meta.dirname, '../..');
const boot = readFileSync(resolve(REPO, 'public/theme-boot.js'), 'utf8');

/** Runs public/theme-boot.js against a stored value; returns what it set on <html>. */
function bootWith(stored: string | null | Error) {
  const dataset: Record<string, string> = {};
  const localStorage = {
    getItem: (key: string) => {
      if (stored instanceof Error) throw stored;
      return key === THEME_STORAGE_KEY ? stored : null;
    },
  };
  runInNewContext(boot, { localStorage, document: { documentElement: { dataset } } });
  return dataset.theme;
}

describe('public/theme-boot.js (runs before first paint)', () => {
  it('is loaded from <head> as a file, since the CSP allows no inline script', () => {
    const html = readFileSync(resolve(REPO, 'index.html'), 'utf8');
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain('<script src="/theme-boot.js"></script>');
  });

  it('pins what src/lib/theme.ts stored, and nothing else', () => {
    expect(bootWith('dark')).toBe('dark');
    expect(bootWith('light')).toBe('light');
    expect(bootWith(null)).toBeUndefined();
    expect(bootWith('<img onerror=alert(1)>')).toBeUndefined();
    expect(bootWith(new Error('SecurityError'))).toBeUndefined();
  });
});
