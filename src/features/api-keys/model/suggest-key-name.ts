/**
 * A valid name close to what was typed ("My Key!" → "my-key"), for the user to take with one
 * click; null when the typed name is fine or nothing valid comes near it. `problemOf` is the
 * generation's own check, so the suggestion obeys that generation's rule.
 */
export function suggestKeyName(
  typed: string,
  problemOf: (name: string) => string | null,
): string | null {
  if (typed.trim() === '' || problemOf(typed) === null) return null;
  const slug = typed
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Too long for the rule: cut at the shortest limit a generation has, without a trailing hyphen.
  const candidates = [slug, slug.slice(0, 63).replace(/-+$/, '')];
  return (
    candidates.find((name) => name !== '' && name !== typed && problemOf(name) === null) ?? null
  );
}
