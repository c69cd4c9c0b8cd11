import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * Which of `needles` appear, byte for byte, in which file under `dir`: `file: needle` per hit.
 * PostgreSQL keeps short text uncompressed in its heap and WAL files, so a stored token shows.
 */
export async function findInFiles(dir: string, needles: readonly string[]): Promise<string[]> {
  const hits: string[] = [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const content = await readFile(path);
    for (const needle of needles) {
      if (content.includes(needle)) hits.push(`${relative(dir, path)}: ${needle}`);
    }
  }
  return hits;
}

/** Which of `needles` appear in any of the text `sources` (table dumps, log lines), by name. */
export function findInText(sources: Record<string, string>, needles: readonly string[]): string[] {
  return Object.entries(sources).flatMap(([name, text]) =>
    needles.filter((needle) => text.includes(needle)).map((needle) => `${name}: ${needle}`),
  );
}
