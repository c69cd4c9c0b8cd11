/**
 * The first character a name may not hold, named so the user can find it (upper case first: the
 * likeliest slip), with what the generation allows instead; null when every character is allowed.
 */
export function describeBadCharacter(
  name: string,
  allowed: RegExp,
  allowedInWords: string,
): string | null {
  const upper = name.match(/[A-Z]/);
  if (upper) return `Use lower-case letters only: “${upper[0]}” is upper-case.`;
  const bad = [...name].find((ch) => !allowed.test(ch));
  if (bad === undefined) return null;
  const shown = /\s/.test(bad) ? 'A space' : `“${bad}”`;
  return `${shown} is not allowed: use ${allowedInWords}.`;
}
