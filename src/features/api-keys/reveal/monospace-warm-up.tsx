/**
 * The reveal's monospace text (the secret's mask, its ID, the usage snippet), laid out where
 * nobody sees or hears it. The first monospace text a page lays out resolves the font stack (on
 * Linux, fontconfig misses ui-monospace, SFMono-Regular, Menlo and Consolas one by one) and
 * shapes its glyphs: about a millisecond of layout that this moves from the task showing the
 * secret to the form's first paint. Sizes as the reveal uses them: each is a font of its own.
 */
export function MonospaceWarmUp() {
  return (
    <span aria-hidden="true" className="sr-only font-mono">
      <span className="text-sm">a0•</span>
      <span className="text-xs">a0$</span>
    </span>
  );
}
