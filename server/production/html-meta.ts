/** Tells the page about its server without inline script (the CSP forbids it). */
export function injectMeta(html: string, meta: Record<string, string | undefined>): string {
  const tags = Object.entries(meta)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(
      ([name, content]) =>
        `<meta name="${escapeAttribute(name)}" content="${escapeAttribute(content)}">`,
    )
    .join('\n    ');
  return html.replace('</head>', `    ${tags}\n  </head>`);
}

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}
