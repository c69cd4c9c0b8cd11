import { formatLocal } from '../../../lib/format-date';
import type { RetirePost } from './use-retire-post';

type RetireNoticeProps = { oldName: string; post: RetirePost; onRetry: () => void };

/** In the reveal: when the old key stops working, or why its retirement was not scheduled. */
export function RetireNotice({ oldName, post, onRetry }: RetireNoticeProps) {
  const name = <strong className="break-all">{oldName}</strong>;
  if (post.state === 'failed') {
    return (
      <div
        role="alert"
        className="border-danger-line bg-danger-subtle text-danger-fg flex flex-col items-start gap-2 rounded-md border p-3 text-sm"
      >
        <p>
          {name} keeps working: its retirement was not scheduled. {post.error}
        </p>
        <button type="button" onClick={onRetry} className="underline hover:no-underline">
          Schedule it again
        </button>
      </div>
    );
  }
  const when =
    post.state === 'waiting'
      ? 'is retired once the new key’s bindings are posted…'
      : post.job.run_after === null
        ? 'keeps working until you retire it from the list.'
        : `retires ${
            // Scheduled for when it was posted: "Now".
            Date.parse(post.job.run_after) <= Date.parse(post.job.created_at) + 1000
              ? 'now'
              : `at ${formatLocal(new Date(post.job.run_after))}`
          }, once the new key’s bindings are done.`;
  return (
    <p role="status" className="text-fg-muted text-sm">
      {name} {when}
    </p>
  );
}
