import type { Job } from '../../jobs/api/job-contract';

type RotationMarkProps = {
  job: Job;
  /** "retires in 23 hours", "you retire it", "retiring…" (`retirementWords`, the page's clock). */
  words: string;
  onRetireNow: (job: Job) => void;
  onKeep: (job: Job) => void;
};

const action =
  'focus-visible:outline-focus shrink-0 rounded underline hover:no-underline focus-visible:outline-2';

/**
 * The old key of a rotation: "replaced by support-chatbot-2 · retires in 23 hours · Retire now ·
 * Keep". Its buttons are reached by the row's arrow keys, as the row's other controls are; while
 * the retirement runs there is nothing left to decide, and the buttons go (the words stay).
 */
export function RotationMark({ job, words, onRetireNow, onKeep }: RotationMarkProps) {
  const replacedBy = job.rotation?.replaced_by ?? '';
  const open = job.state === 'queued' || job.state === 'held';
  return (
    <p className="bg-info-subtle text-info-fg mt-1 flex max-w-full flex-wrap items-center gap-x-1 rounded px-1.5 py-0.5 text-xs">
      <span className="wrap-anywhere">
        replaced by <span className="font-medium">{replacedBy}</span> · {words}
      </span>
      {open && (
        <>
          <span aria-hidden="true">·</span>
          <button
            type="button"
            tabIndex={-1}
            data-row-stop=""
            aria-label={`Retire ${job.key_name} now`}
            onClick={() => onRetireNow(job)}
            className={action}
          >
            Retire now
          </button>
          <span aria-hidden="true">·</span>
          <button
            type="button"
            tabIndex={-1}
            data-row-stop=""
            aria-label={`Keep ${job.key_name}`}
            onClick={() => onKeep(job)}
            className={action}
          >
            Keep
          </button>
        </>
      )}
    </p>
  );
}
