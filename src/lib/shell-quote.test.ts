import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellQuote } from './shell-quote';

const HOSTILE = [
  'https://dep.example/v1/chat?a=1&b=$(touch PWNED)',
  "https://dep.example/it's'; touch PWNED; echo '",
  'https://dep.example/`touch PWNED`',
  'https://dep.example/a b;touch PWNED|cat>PWNED\n',
  "''\\'$HOME${IFS}\"*",
];

describe('shellQuote', () => {
  it('wraps in single quotes and escapes an embedded quote as ’\\’’', () => {
    expect(shellQuote('https://a.example/x')).toBe("'https://a.example/x'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });

  // The proof that matters: a real shell reads each quoted address back as one, unchanged word,
  // and runs nothing that is in it.
  it.each(HOSTILE)('a POSIX shell reads %j back as one literal word', (address) => {
    const dir = mkdtempSync(join(tmpdir(), 'shell-quote-'));
    const out = execFileSync('/bin/sh', ['-c', `printf '%s|' ${shellQuote(address)}`], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(out).toBe(`${address}|`);
    expect(existsSync(join(dir, 'PWNED'))).toBe(false);
  });
});
