import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { explainAuthError } from './explain-auth-error';

const refused = (status: number) =>
  new ApiError({ kind: 'http', status, message: 'Token is invalid', requestId: 'r1' });

describe('explainAuthError', () => {
  it('keeps the server variable out of the end user’s message and in the detail', () => {
    const text = explainAuthError(refused(401), 'server');
    expect(text?.message).not.toMatch(/GCORE_API_KEY/);
    expect(text?.message).toMatch(/Ask whoever runs it/);
    expect(text?.detail).toMatch(/HTTP 401: Token is invalid \(request ID r1\).*GCORE_API_KEY/);
  });

  it('asks a personal user to sign in again on 401, and names the role on 403', () => {
    expect(explainAuthError(refused(401), 'personal')?.message).toMatch(/Sign in again/);
    expect(explainAuthError(refused(403), 'personal')?.message).toMatch(/role may not do this/);
    expect(explainAuthError(refused(403), 'server')?.message).toMatch(/dashboard’s Gcore account/);
  });

  it('leaves every other failure to its own message', () => {
    expect(explainAuthError(refused(500), 'server')).toBeNull();
    expect(explainAuthError(new Error('x'), 'server')).toBeNull();
  });
});
