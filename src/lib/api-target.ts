export type ApiTargetInfo =
  { kind: 'sandbox' } | { kind: 'remote'; url: string } | { kind: 'unknown' };

/** The server tells the page which backend `/cloud` reaches through a meta tag (no inline script). */
export function readApiTarget(doc: Document = document): ApiTargetInfo {
  const content = doc.querySelector<HTMLMetaElement>('meta[name="gcore-api-target"]')?.content;
  if (!content) return { kind: 'unknown' };
  return content === 'sandbox' ? { kind: 'sandbox' } : { kind: 'remote', url: content };
}
