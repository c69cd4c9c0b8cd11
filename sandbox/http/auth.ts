export type AuthVerdict = 'valid' | 'missing' | 'invalid';

export interface AuthCheck {
  verdict: AuthVerdict;
  /** What a 401 says; never contains the token that was sent. */
  message: string;
}

const NOT_PROVIDED = 'Authentication credentials were not provided.';

/**
 * Gcore's rule: `APIKey <token>`, scheme word case-insensitive, exactly one space. A `Bearer`
 * header is a JWT access token, which a permanent token never is.
 */
export function checkAuthorization(header: string | undefined, token: string): AuthCheck {
  if (header === undefined || header.trim() === '') {
    return { verdict: 'missing', message: NOT_PROVIDED };
  }
  const space = header.indexOf(' ');
  const scheme = (space === -1 ? header : header.slice(0, space)).toLowerCase();
  const credentials = space === -1 ? '' : header.slice(space + 1);

  if (scheme === 'bearer') {
    return { verdict: 'invalid', message: 'Given token not valid for any token type' };
  }
  if (scheme !== 'apikey') {
    // DRF's answer when no authenticator recognises the scheme.
    return { verdict: 'invalid', message: NOT_PROVIDED };
  }
  if (credentials === '' || /\s/.test(credentials)) {
    return {
      verdict: 'invalid',
      message: "Bad permanent token: expected 'APIKey <token>' with exactly one space.",
    };
  }
  if (credentials !== token) {
    return { verdict: 'invalid', message: 'Bad permanent token: the token is not valid.' };
  }
  return { verdict: 'valid', message: '' };
}
