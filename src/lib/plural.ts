/** The two English forms of a noun; English's plural rules need no more. */
export type NounForms = { one: string; other: string };

let rules: Intl.PluralRules | undefined;

/** "1 deployment", "2 deployments": the count with its noun in the form the count takes. */
export function countOf(count: number, noun: NounForms): string {
  // Made on first use: an Intl object loads ICU data, which no first paint should wait for.
  rules ??= new Intl.PluralRules('en');
  return `${count} ${rules.select(count) === 'one' ? noun.one : noun.other}`;
}
