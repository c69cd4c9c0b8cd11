import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..');
const MAIN = resolve(SRC, 'main.tsx');

/** The modules a file imports with a value (type-only imports evaluate nothing), in order. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^import\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map(
    (match) => match[1] ?? '',
  );
}

function resolveLocal(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  const found = ['', '.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find(existsSync);
  if (!found) throw new Error(`Cannot resolve ${specifier} from ${from}`);
  return found;
}

/** Every package a module reaches through its value imports. */
function packagesReachedFrom(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  for (const specifier of importsOf(file)) {
    const local = resolveLocal(file, specifier);
    if (local === null) packages.add(specifier);
    else packagesReachedFrom(local, seen).forEach((name) => packages.add(name));
  }
  return packages;
}

// Module scripts evaluate in import order. React DOM is most of the entry chunk's evaluation; the
// page's reads (projects, then keys) must already be on the wire while it evaluates.
describe('the first reads start before React DOM evaluates', () => {
  it('is the first module main.tsx imports', () => {
    expect(importsOf(MAIN)[0]).toBe('./app/first-reads');
  });

  it('reaches no React DOM', () => {
    const reached = packagesReachedFrom(resolve(SRC, 'app/first-reads.ts'));
    expect([...reached].filter((name) => name.startsWith('react-dom'))).toEqual([]);
    expect(reached).toContain('@tanstack/react-query');
  });
});
