/**
 * Quotes `text` as one word for a POSIX shell. Inside single quotes nothing is special (no `$`,
 * backtick, `&`, `;`), so an address from the API can never run a command when pasted; a single
 * quote itself ends the quoting, is added escaped, and reopens it (`'\''`).
 */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
