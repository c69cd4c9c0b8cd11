import { apiRequest } from '../../../lib/api-client';
import { ACTIVITY_PATH, activityPageSchema, type ActivityPage } from './activity-contract';

export type ActivityRequest = {
  projectId: number;
  /** A key's name or id, as typed or as its details named it. */
  key: string | null;
  /** The same key's other identity (a v2 key's id beside its name). */
  keyId: string | null;
  before: string | null;
};

/** One page of who did what, newest first, through the page's one fetch wrapper. */
export function getActivity(request: ActivityRequest, signal?: AbortSignal): Promise<ActivityPage> {
  return apiRequest({
    method: 'GET',
    path: ACTIVITY_PATH,
    query: {
      project_id: request.projectId,
      key: request.key,
      key_id: request.keyId,
      before: request.before,
    },
    schema: activityPageSchema,
    signal,
  });
}
