import type { ApiError } from '../../../lib/api-error';
import { explainAuthError } from '../../../lib/explain-auth-error';
import { readAuthMode, type AuthMode } from '../../auth/auth-mode';
import type { KeyField } from '../api/key-model';
import type { CreateApiKeyFormValues } from './create-api-key-form-schema';

export type FormField = keyof CreateApiKeyFormValues;

/** What no field owns: shown in an alert by the button, with the request id for support. */
export type RootError = {
  message: string;
  requestId: string | null;
  /** Offer a retry the user clicks; never retried automatically. */
  retryable: boolean;
  /** The write may have happened although no success was seen: check before trying again. */
  outcomeUnknown?: boolean;
  /** Operator words (the API's message, server settings) kept behind a disclosure. */
  detail?: string;
};

export type MappedError = { fields: Partial<Record<FormField, string>>; root: RootError | null };

/** The adapter has named each field error in the key model's words; here they meet the form. */
const KEY_FIELD_TO_FORM: Record<KeyField, (values: CreateApiKeyFormValues) => FormField> = {
  name: () => 'name',
  description: () => 'description',
  expiresAt: (values) => (values.expiryPreset === 'custom' ? 'expiryCustom' : 'expiryPreset'),
  deploymentRefs: () => 'instanceIds',
  projectId: () => 'projectId',
};

const isKeyField = (field: string): field is KeyField => Object.hasOwn(KEY_FIELD_TO_FORM, field);

/**
 * Puts each server error where the user can act on it. Pure given `mode` (read from the page by
 * default), so every case is unit-tested.
 */
export function mapCreateError(
  error: ApiError,
  values: CreateApiKeyFormValues,
  mode: AuthMode = readAuthMode(),
): MappedError {
  const root = (message: string, retryable = false): MappedError => ({
    fields: {},
    root: { message, requestId: error.requestId, retryable },
  });
  const unknown = (message: string, retryable: boolean): MappedError => ({
    fields: {},
    root: { message, requestId: error.requestId, retryable, outcomeUnknown: true },
  });
  const checkFirst =
    'The key may or may not have been created: check the list of keys before trying again.';
  if (error.neverSent) return notSent(error, 'created');
  if (error.kind === 'network' || error.kind === 'timeout')
    return unknown(`${error.message} ${checkFirst}`, true);
  if (error.kind === 'cancelled') return unknown(`You cancelled the request. ${checkFirst}`, true);
  if (error.kind === 'invalid-response') {
    return unknown(
      `${error.message} The key may have been created without its secret reaching you: check the list of keys, and delete and re-create it if needed.`,
      false,
    );
  }

  const auth = explainAuthError(error, mode);
  if (auth) return { fields: {}, root: { ...auth, requestId: error.requestId, retryable: false } };

  switch (error.status) {
    case 400:
      return (
        mapInvalidFields(error, values) ?? root(`The API rejected the request: ${error.message}`)
      );
    case 404:
      return /project/i.test(error.message)
        ? { fields: { projectId: error.message }, root: null }
        : { fields: { instanceIds: error.message }, root: null };
    case 409:
      return {
        fields: {
          name: `A key named “${values.name}” already exists in this project. Choose another name.`,
        },
        root: null,
      };
    case 429:
      return root(
        error.retryAfterSeconds !== null
          ? `Too many requests. Try again in ${formatWait(error.retryAfterSeconds)}.`
          : 'Too many requests. Wait a few seconds, then try again.',
        true,
      );
    default:
      // A 5xx may come after the key was stored; any other 4xx means it was refused.
      return (error.status ?? 0) >= 500
        ? unknown(`${error.message} ${checkFirst}`, true)
        : root(`${error.message} (HTTP ${error.status ?? 'error'})`);
  }
}

/** The request never reached the API: plain words, the gateway's own behind the disclosure. */
export function notSent(error: ApiError, what: 'created' | 'saved'): MappedError {
  const message = `Gcore’s API could not be reached, so nothing was ${what}. Try again in a moment.`;
  return {
    fields: {},
    root: { message, requestId: error.requestId, retryable: true, detail: error.message },
  };
}

function mapInvalidFields(error: ApiError, values: CreateApiKeyFormValues): MappedError | null {
  const entries = Object.entries(error.invalidFields);
  if (entries.length === 0) return null;
  const fields: MappedError['fields'] = {};
  const unowned: string[] = [];
  for (const [field, messages] of entries) {
    if (isKeyField(field)) fields[KEY_FIELD_TO_FORM[field](values)] = messages.join(' ');
    else unowned.push(`${field}: ${messages.join(' ')}`);
  }
  const root = unowned.length
    ? {
        message: `The API rejected ${unowned.join('; ')}`,
        requestId: error.requestId,
        retryable: false,
      }
    : null;
  return { fields, root };
}

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
