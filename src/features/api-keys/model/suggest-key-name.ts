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

/**
 * A rotation's new name: `support-chatbot` → `support-chatbot-2`, `support-chatbot-2` →
 * `support-chatbot-3`, the first that no listed key has and the generation's rule accepts (the
 * stem cut short where the suffix would make it too long).
 */
export function nextFreeName(
  name: string,
  taken: ReadonlySet<string>,
  problemOf: (name: string) => string | null,
): string {
  const match = /^(.*?)-(\d+)$/.exec(name);
  const stem = match?.[1] || name;
  for (let n = Number(match?.[2] ?? 1) + 1; n < 1000; n += 1) {
    const suffix = `-${n}`;
    for (let cut = stem.length; cut > 0; cut -= 1) {
      const candidate = `${stem.slice(0, cut).replace(/-+$/, '')}${suffix}`;
      if (problemOf(candidate) !== null) continue;
      if (!taken.has(candidate)) return candidate;
      break;
    }
  }
  return name;
}
