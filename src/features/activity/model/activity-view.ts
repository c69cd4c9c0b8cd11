import type { SearchUpdate } from '../../../lib/use-url-search';

/** The activity view's state, all in the URL so reload and Back keep it. */
export type ActivityView = { key: string | null; keyId: string | null };

export const isActivityView = (params: URLSearchParams) => params.get('view') === 'activity';

export function readActivityView(params: URLSearchParams): ActivityView {
  return { key: params.get('key') || null, keyId: params.get('key_id') || null };
}

/**
 * To the activity view, for every key or for one. A key's name and id both: a v2 key's create
 * names it, its later writes use the id (where the two are one, the id is left out).
 */
export function openActivity(key?: { name: string; id: string }): SearchUpdate {
  return {
    view: 'activity',
    key: key?.name ?? null,
    key_id: key && key.id !== key.name ? key.id : null,
    page: null,
  };
}

/** A filter typed by hand names one key, by name or id. */
export const activityFilterUpdate = (text: string): SearchUpdate => ({
  key: text.trim() || null,
  key_id: null,
});

/** Back to the keys list, with nothing of the activity view left in the URL. */
export const closeActivity = (): SearchUpdate => ({ view: null, key: null, key_id: null });
