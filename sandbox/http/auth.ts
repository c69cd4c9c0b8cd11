import type { AuthVerdict } from '../../shared/sandbox-control-contract';

/** `message` is what a 401 says; it never contains the token that was sent. */
type AuthCheck = { verdict: AuthVerdict; message: string };

const NOT_PROVIDED = 'Authentication credentials were not provided.';
const invalid = (message: string): AuthCheck => ({ verdict: 'invalid', message });

/**
 * Gcore's rule: `APIKey <token>`, scheme word case-insensitive, exactly one space. A `Bearer`
 * header is a JWT access token, which a permanent token never is.
 */
export function checkAuthorization(header: string | undefined, token: string): AuthCheck {
  if (header === undefined || header.trim() === '') {
    return { verdict: 'missing', message: NOT_PROVIDED };
  }
  const [word = '', ...rest] = header.split(' ');
  const scheme = word.toLowerCase();
  const credentials = rest.join(' ');
  if (scheme === 'bearer') return invalid('Given token not valid for any token type');
  // DRF's answer when no authenticator recognises the scheme.
  if (scheme !== 'apikey') return invalid(NOT_PROVIDED);
  if (credentials === '' || /\s/.test(credentials)) {
    return invalid("Bad permanent token: expected 'APIKey <token>' with exactly one space.");
  }
  if (credentials !== token) return invalid('Bad permanent token: the token is not valid.');
  return { verdict: 'valid', message: '' };
}
