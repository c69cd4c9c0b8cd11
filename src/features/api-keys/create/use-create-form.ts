import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import type { GenerationCapabilities } from '../api/key-model';
import {
  createApiKeyFormSchema,
  type CreateApiKeyFormValues,
} from '../model/create-api-key-form-schema';
import { DEFAULT_EXPIRY_PRESET } from '../model/expiry';

export const EMPTY_FORM: CreateApiKeyFormValues = {
  name: '',
  description: '',
  projectId: '',
  instanceIds: [],
  expiryPreset: DEFAULT_EXPIRY_PRESET,
  expiryCustom: '',
};

/**
 * The create form, checked by the active generation's rules: its name words, its limits.
 * A rotation opens it filled from the old key.
 */
export function useCreateForm(
  capabilities: GenerationCapabilities,
  defaultValues: CreateApiKeyFormValues = EMPTY_FORM,
) {
  const resolver = useMemo(
    () => zodResolver(createApiKeyFormSchema(undefined, capabilities)),
    [capabilities],
  );
  return useForm<CreateApiKeyFormValues>({
    defaultValues,
    resolver,
    mode: 'onTouched',
    reValidateMode: 'onChange',
  });
}
