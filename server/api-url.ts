/**
 * GCORE_API_URL, checked at start by the dev server and production alike. Credentials in it
 * (`https://user:password@…`) are refused: the URL is shown in every page's meta tag and in the
 * start log, and the token belongs in GCORE_API_KEY. The refusal never repeats the value.
 */
export function readApiUrl(value: string): URL {
  const url = new URL(value); // a typo fails here, not on the first request
  if (url.username !== '' || url.password !== '') {
    throw new Error(
      'GCORE_API_URL must not hold credentials (user:password@): they would be shown in every page and log. Put the token in GCORE_API_KEY.',
    );
  }
  return url;
}
