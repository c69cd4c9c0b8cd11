import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorInit } from '../../../lib/api-error';
import type { CreateApiKeyFormValues } from './create-api-key-form-schema';
import { mapCreateError } from './map-create-error';

const values: CreateApiKeyFormValues = {
  name: 'taken',
  description: '',
  projectId: '1',
  instanceIds: [],
  expiryPreset: '30d',
  expiryCustom: '',
};
const http = (init: Partial<ApiErrorInit> & { status: number }) =>
  new ApiError({ kind: 'http', message: 'msg', requestId: 'req-1', ...init });

describe('mapCreateError', () => {
  it('puts each invalid field of the key model on its form field and the rest on the form', () => {
    const error = http({
      status: 400,
      invalidFields: { name: ['bad name'], expiresAt: ['in the past'], color: ['unknown'] },
    });
    const mapped = mapCreateError(error, { ...values, expiryPreset: 'custom' });
    expect(mapped.fields).toEqual({ name: 'bad name', expiryCustom: 'in the past' });
    expect(mapped.root?.message).toBe('The API rejected color: unknown');
  });

  it('blames the preset control for an expiry error when no custom date was typed', () => {
    const mapped = mapCreateError(
      http({ status: 400, invalidFields: { expiresAt: ['x'] } }),
      values,
    );
    expect(mapped.fields).toEqual({ expiryPreset: 'x' });
  });

  it('puts errors about the deployments and the project on their controls', () => {
    const mapped = mapCreateError(
      http({
        status: 400,
        invalidFields: { deploymentRefs: ['Unknown deployment.'], projectId: ['Not yours.'] },
      }),
      values,
    );
    expect(mapped).toEqual({
      fields: { instanceIds: 'Unknown deployment.', projectId: 'Not yours.' },
      root: null,
    });
  });

  it('puts a 409 on Name, naming the taken name', () => {
    const mapped = mapCreateError(http({ status: 409 }), values);
    expect(mapped.fields.name).toContain('“taken” already exists');
    expect(mapped.root).toBeNull();
  });

  it('puts a 404 on the instances with the server message naming the id', () => {
    const mapped = mapCreateError(
      http({ status: 404, message: 'Deployment abc not found' }),
      values,
    );
    expect(mapped.fields).toEqual({ instanceIds: 'Deployment abc not found' });
  });

  it.each([
    [401, 'server', /Ask whoever runs it to renew its API token/],
    [403, 'server', /Ask whoever runs the dashboard to give its API token a role/],
    [401, 'personal', /Sign in again/],
    [403, 'personal', /role may not do this/],
  ] as const)(
    'explains %i (%s token) in plain words, the operator detail apart, with no retry',
    (status, mode, text) => {
      const mapped = mapCreateError(http({ status }), values, mode);
      expect(mapped.root?.message).toMatch(text);
      expect(mapped.root?.message).not.toMatch(/GCORE_API_KEY|HTTP/);
      expect(mapped.root?.detail).toMatch(new RegExp(`HTTP ${status}`));
      expect(mapped.root?.retryable).toBe(false);
    },
  );

  it('names GCORE_API_KEY only in the detail, and only when the server holds the token', () => {
    expect(mapCreateError(http({ status: 401 }), values, 'server').root?.detail).toMatch(
      /GCORE_API_KEY/,
    );
    expect(mapCreateError(http({ status: 401 }), values, 'personal').root?.detail).not.toMatch(
      /GCORE_API_KEY/,
    );
  });

  it('says when to try again after a 429', () => {
    expect(mapCreateError(http({ status: 429, retryAfterSeconds: 30 }), values).root?.message).toBe(
      'Too many requests. Try again in 30 seconds.',
    );
    expect(
      mapCreateError(http({ status: 429, retryAfterSeconds: 120 }), values).root?.message,
    ).toMatch(/2 minutes/);
  });

  it('offers a retry after a 5xx, keeping the request id, and warns the key may exist', () => {
    const mapped = mapCreateError(http({ status: 503, message: 'Service unavailable' }), values);
    expect(mapped.root).toMatchObject({ requestId: 'req-1', retryable: true });
    expect(mapped.root?.message).toMatch(/may or may not have been created/);
  });

  it.each(['network', 'timeout'] as const)('treats a %s failure as an unknown outcome', (kind) => {
    const mapped = mapCreateError(new ApiError({ kind, message: 'gone.' }), values);
    expect(mapped.root?.message).toMatch(/check the list of keys/);
    expect(mapped.root?.retryable).toBe(true);
  });

  it('says nothing was created when the API refused the connection, the cause in the detail', () => {
    const refused = http({
      status: 502,
      exceptionClass: 'UpstreamUnreachable',
      message:
        "The dashboard's server could not reach the API (ECONNREFUSED): nothing was sent to it.",
    });
    const mapped = mapCreateError(refused, values);
    expect(mapped.root).toMatchObject({
      message: 'Gcore’s API could not be reached, so nothing was created. Try again in a moment.',
      requestId: 'req-1',
      retryable: true,
      detail: expect.stringMatching(/ECONNREFUSED/) as unknown,
    });
    expect(mapped.root?.outcomeUnknown).toBeFalsy();
  });

  it('keeps “may or may not” for a 502 that is not the gateway’s refused connection', () => {
    const lost = http({ status: 502, exceptionClass: 'UpstreamConnectionLost' });
    expect(mapCreateError(lost, values).root).toMatchObject({ outcomeUnknown: true });
  });
});
