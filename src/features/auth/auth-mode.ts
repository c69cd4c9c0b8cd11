export type AuthMode = 'server' | 'personal';

/**
 * The production server says whether it holds a token itself (`server`) or each user signs in
 * with their own (`personal`). The dev server holds one, so no tag means `server`.
 */
export function readAuthMode(doc: Document | undefined = globalThis.document): AuthMode {
  return doc?.querySelector<HTMLMetaElement>('meta[name="gcore-auth"]')?.content === 'personal'
    ? 'personal'
    : 'server';
}
