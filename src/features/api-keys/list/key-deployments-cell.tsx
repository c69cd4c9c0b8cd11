import type { ReactNode } from 'react';
import type { DeploymentRecord } from '../../deployments/api/deployment-record';
import { useKeysAdapter } from '../api/keys-adapter-context';
import { DeploymentLabel } from '../shared/deployment-names';
import { PendingTag } from './pending-tag';

type Props = {
  refs: readonly string[];
  deploymentsById: ReadonlyMap<string, DeploymentRecord> | undefined;
  /** What a job on the server is doing to this key (v3), "binding 1 of 2"; null for none. */
  jobLabel: string | null;
  /** A binding of this key that did not land ("binding failed · Retry"). */
  failedMark?: ReactNode;
};

/** Names shown before "+N": a row stays two lines at most with long names, on a phone too. */
const SHOWN = 2;
/** The job mark's room: its width covers "binding 10 of 12". */
const ROOM = 'min-w-[8.5rem]';

/**
 * What the key unlocks, by name: the first ones on the row, the rest behind "+N", a native
 * disclosure, so Enter and Space open it with no script. Its summary is reached by the row's
 * arrow keys, not by Tab (one tab stop per row).
 */
export function KeyDeploymentsCell({ refs, deploymentsById, jobLabel, failedMark }: Props) {
  // Where jobs run on the server, the mark's room is kept while no job runs, so its coming and
  // going never wraps the cell onto another line and moves the rows below under the pointer
  // (e2e/v3/job-mark-layout.spec.ts).
  const reserve = useKeysAdapter().capabilities.jobsOnServer;
  const pending = jobLabel ? (
    <span className={`inline-flex ${ROOM}`}>
      <PendingTag>{jobLabel}</PendingTag>
    </span>
  ) : (
    // The empty stand-in, one element where a list has hundreds: the mark's height and its room.
    reserve && (
      <PendingTag hidden room={ROOM}>
        {'\u00a0'}
      </PendingTag>
    )
  );
  // "+1" would take the room of the one name it hides.
  const shown = refs.length <= SHOWN + 1 ? refs : refs.slice(0, SHOWN);
  const rest = refs.slice(shown.length);
  const name = (id: string) => (
    <li key={id} className="wrap-anywhere">
      <DeploymentLabel id={id} deploymentsById={deploymentsById} />
    </li>
  );
  return (
    <div className="flex flex-wrap items-start gap-x-2 gap-y-1">
      {refs.length === 0 ? (
        <span className="text-fg-muted">None</span>
      ) : (
        <ul className="flex min-w-0 flex-wrap gap-x-2 gap-y-1">{shown.map(name)}</ul>
      )}
      {rest.length > 0 && (
        <details className="group">
          <summary
            tabIndex={-1}
            data-row-stop=""
            className="focus-visible:outline-focus text-fg-muted cursor-pointer rounded whitespace-nowrap focus-visible:outline-2"
          >
            +{rest.length}
            <span className="sr-only"> more deployments</span>
          </summary>
          <ul className="flex flex-col gap-1 pt-1">{rest.map(name)}</ul>
        </details>
      )}
      {pending}
      {failedMark}
    </div>
  );
}
