import type { JobState } from '../../../src/features/jobs/api/job-contract.ts';
import { errorReason } from './step-words.ts';

/** What a retirement says of itself; each sentence stands alone, as the other steps' do. */

export const NO_ROTATION =
  'This retirement names no key that replaces the old one, so nothing was retired.';

export const bindingsIncomplete = (keyName: string, replacedBy: string, state: JobState) =>
  `The bindings of ${replacedBy} did not complete (its bind job is ${state}), so ${keyName} was not retired and still works. Retry the bindings of ${replacedBy}, then Retire now.`;

export const v2NotUnlocked = (keyName: string, replacedBy: string, instance: string) =>
  `${replacedBy} does not unlock ${instance}, so ${keyName} was not deleted and still works there. Give ${replacedBy} access to ${instance}, then retire ${keyName} again.`;

export const v2ReplacementUnreadable = (keyName: string, replacedBy: string, error: unknown) =>
  `Could not read ${replacedBy} to check it unlocks what ${keyName} does, so ${keyName} was not deleted. ${errorReason(error)}`;
