import { describe, expect, it } from 'vitest';
import { flattenInvalidFields, parseRetryAfter, readApiError } from './read-api-error';

describe('readApiError', () => {
  it('reads the Gcore error shape', async () => {
    const body = {
      exception_class: 'ValidationError',
      message: "Validation Error: {'name': ['bad']}",
      request_id: 'abc123',
      invalid_fields: { name: ['bad'] },
    };
    const error = await readApiError(new Response(JSON.stringify(body), { status: 400 }));
    expect(error).toMatchObject({
      kind: 'http',
      status: 400,
      exceptionClass: 'ValidationError',
      requestId: 'abc123',
      invalidFields: { name: ['bad'] },
    });
  });

  it('falls back to DRF `detail`', async () => {
    const error = await readApiError(
      new Response('{"detail":"Token is invalid or expired"}', { status: 401 }),
    );
    expect(error.message).toBe('Token is invalid or expired');
  });

  it('turns a gateway HTML page into a plain message, with the request id header', async () => {
    const response = new Response('<html><body>Bad Gateway</body></html>', {
      status: 502,
      statusText: 'Bad Gateway',
      headers: { 'x-request-id': 'gw-1', 'content-type': 'text/html' },
    });
    const error = await readApiError(response);
    expect(error.message).toBe('The API failed (HTTP 502 Bad Gateway).');
    expect(error.requestId).toBe('gw-1');
    expect(error.outcomeUnknown).toBe(true);
  });
});

describe('flattenInvalidFields', () => {
  it('flattens per-item messages', () => {
    expect(flattenInvalidFields({ ids: { 0: ['not a uuid'] }, name: 'short', skip: 3 })).toEqual({
      ids: ['not a uuid'],
      name: ['short'],
    });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-28T12:00:00Z');
  it.each([
    ['30', 30],
    ['Sat, 28 Nov 2026 12:01:30 GMT', 90],
    ['Sat, 28 Nov 2026 11:00:00 GMT', 0],
    ['soon', null],
    [null, null],
  ])('reads %j as %j seconds', (header, seconds) => {
    expect(parseRetryAfter(header, now)).toBe(seconds);
  });
});
