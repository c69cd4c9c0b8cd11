import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, inlineScripts, scriptHash } from './inline-script-hashes';

const PREAMBLE = `import { injectIntoGlobalHook } from "/@react-refresh";
injectIntoGlobalHook(window);`;

const HTML = `<!doctype html><html><head>
<script type="module">${PREAMBLE}</script>
<script type="module" src="/@vite/client"></script>
<script>alert('Hello, world.');</script>
</head><body><SCRIPT type="module" src='/src/main.tsx'></SCRIPT>
<script type="module">${PREAMBLE}</script></body></html>`;

describe('inline scripts of served HTML', () => {
  it('finds the bodies of scripts without src, byte for byte', () => {
    expect(inlineScripts(HTML)).toEqual([PREAMBLE, "alert('Hello, world.');", PREAMBLE]);
  });

  it('hashes a body the way browsers do (the example of the CSP spec and MDN)', () => {
    expect(scriptHash("alert('Hello, world.');")).toBe(
      'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=',
    );
  });

  it('gives one hash per distinct script and none for an HTML without inline scripts', () => {
    expect(inlineScriptHashes(HTML)).toEqual([
      scriptHash(PREAMBLE),
      'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=',
    ]);
    expect(inlineScriptHashes('<script type="module" src="/assets/index.js"></script>')).toEqual(
      [],
    );
  });
});
