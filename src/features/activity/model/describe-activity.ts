import type { ActivityEvent } from '../api/activity-contract';

/**
 * What happened, in words: "created key", "bound to chat-llama", "refused (401 …)". A write the
 * API or this server refused says so first, whatever it tried.
 */
export function describeActivity(event: ActivityEvent): string {
  if (event.status >= 400) return `refused (${event.status}): ${tried(event)}`;
  return tried(event);
}

function tried(event: ActivityEvent): string {
  const { detail } = event;
  switch (event.action) {
    case 'create':
      return 'created key';
    case 'update':
      return 'updated';
    case 'delete':
      return 'deleted';
    case 'bind':
      return describeBind(event);
    case 'rotate':
      return typeof detail.replaced_by === 'string' ? `rotated → ${detail.replaced_by}` : 'rotated';
    case 'retire':
      return 'retired';
    case 'keep':
      return 'kept (retirement cancelled)';
    case 'unlisted-write':
      return `an unlisted ${typeof detail.method === 'string' ? detail.method : 'write'}`;
    default:
      return event.action;
  }
}

function describeBind(event: ActivityEvent): string {
  const where = event.deployment ?? 'a deployment';
  const added = listed(event.detail.keys_added);
  const removed = listed(event.detail.keys_removed);
  if (added && !removed) return `bound to ${where}`;
  if (removed && !added) return `unbound from ${where}`;
  return `changed the keys of ${where}`;
}

const listed = (value: unknown) => Array.isArray(value) && value.length > 0;
