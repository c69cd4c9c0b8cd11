/** How long a call may take before the client gives up and says the outcome is unknown. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * How long a call may run before the client gives up: the server may set it through a meta tag
 * (`GCORE_API_TIMEOUT_MS`), so a slow link or a test can change it without a rebuild.
 */
export function requestTimeoutMs(doc: Document | undefined = globalThis.document): number {
  const content = doc?.querySelector<HTMLMetaElement>('meta[name="gcore-api-timeout-ms"]')?.content;
  const value = Number(content);
  return content && Number.isInteger(value) && value > 0 ? value : DEFAULT_TIMEOUT_MS;
}

export type ApiGeneration = 'v2' | 'v3';

/**
 * The Gcore generation the server chose (`GCORE_API_VERSION`, or its probe): the page never
 * guesses. Null when the server could not tell yet (personal sign-in before any token is known).
 */
export function configuredApiGeneration(
  doc: Document | undefined = globalThis.document,
): ApiGeneration | null {
  const content = doc?.querySelector<HTMLMetaElement>('meta[name="gcore-api-version"]')?.content;
  return content === 'v2' || content === 'v3' ? content : null;
}
