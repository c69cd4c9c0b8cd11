import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorInit } from '../../../lib/api-error';
import type { CreateApiKeyFormValues } from './create-api-key-form-schema';
import { mapUpdateError } from './map-update-error';

const DEPLOYMENT = 'a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const values: CreateApiKeyFormValues = {
  name: 'ci-bot',
  description: '',
  projectId: '1',
  instanceIds: [DEPLOYMENT],
  expiryPreset: 'custom',
  expiryCustom: '2027-01-01T10:00',
};
const http = (init: Partial<ApiErrorInit> & { status: number }) =>
  new ApiError({ kind: 'http', message: 'msg', requestId: 'req-1', ...init });

describe('mapUpdateError', () => {
  it('puts invalid fields on their form fields, as the create form does', () => {
    const mapped = mapUpdateError(
      http({ status: 400, invalidFields: { description: ['too long'], expiresAt: ['past'] } }),
      values,
    );
    expect(mapped.fields).toEqual({ description: 'too long', expiryCustom: 'past' });
    expect(mapped.root).toBeNull();
  });

  it('puts an error about the name, which has no input here, on the form', () => {
    const mapped = mapUpdateError(
      http({ status: 400, invalidFields: { name: ['Name cannot be changed.'] } }),
      values,
    );
    expect(mapped.fields).toEqual({});
    expect(mapped.root).toMatchObject({
      message: 'The API rejected name: Name cannot be changed.',
      requestId: 'req-1',
    });
  });

  it('tells a missing key from a missing deployment on a 404', () => {
    const gone = mapUpdateError(http({ status: 404, message: 'API key x not found.' }), values);
    expect(gone.root?.message).toMatch(/This key no longer exists/);
    const instance = mapUpdateError(
      http({ status: 404, message: `Inference instance ${DEPLOYMENT} not found in project 1.` }),
      values,
    );
    expect(instance.fields).toEqual({
      instanceIds: `Inference instance ${DEPLOYMENT} not found in project 1.`,
    });
  });

  it('says the outcome of a 5xx or a dropped connection is unknown and offers to save again', () => {
    for (const error of [
      http({ status: 503, message: 'Service unavailable.' }),
      new ApiError({ kind: 'network', message: 'Gone.' }),
    ]) {
      const mapped = mapUpdateError(error, values);
      expect(mapped.root?.message).toMatch(/may or may not have been saved/);
      expect(mapped.root?.message).not.toMatch(/created/);
      expect(mapped.root?.retryable).toBe(true);
    }
  });

  it('explains a 403 in plain words, with the API’s words in the detail', () => {
    const mapped = mapUpdateError(http({ status: 403 }), values, 'personal');
    expect(mapped.root?.message).toMatch(/role may not do this/);
    expect(mapped.root?.detail).toMatch(/HTTP 403/);
    expect(mapped.root?.retryable).toBe(false);
  });

  it('keeps the create wording for token and rate-limit problems', () => {
    const unauthorized = mapUpdateError(http({ status: 401 }), values, 'server').root;
    expect(unauthorized?.message).toMatch(/renew its API token/);
    expect(unauthorized?.detail).toMatch(/GCORE_API_KEY/);
    expect(mapUpdateError(http({ status: 429, retryAfterSeconds: 5 }), values).root?.message).toBe(
      'Too many requests. Try again in 5 seconds.',
    );
  });

  it('says nothing was saved when the API refused the connection', () => {
    const refused = http({
      status: 502,
      exceptionClass: 'UpstreamUnreachable',
      message:
        "The dashboard's server could not reach the API (ECONNREFUSED): nothing was sent to it.",
    });
    expect(mapUpdateError(refused, values).root).toMatchObject({
      message: 'Gcore’s API could not be reached, so nothing was saved. Try again in a moment.',
      retryable: true,
      detail: expect.stringMatching(/ECONNREFUSED/) as unknown,
    });
  });
});
