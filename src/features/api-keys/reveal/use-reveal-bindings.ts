import { useLayoutEffect, useMemo, useRef } from 'react';
import { isActiveJob } from '../../jobs/api/job-query-keys';
import { jobProgressItems } from '../../jobs/model/job-progress';
import { useJobRun } from '../../jobs/use-job-run';
import type { CreatedKey } from '../api/use-key-mutations';

/**
 * The bind job's id once the server took it, or null at once when nothing is left to bind: what
 * a rotation's retirement waits for. Not called while the bind job has not started.
 */
export type BindingsPosted = (bindJobId: string | null) => void;

/**
 * The new key's bindings as the reveal shows them. Those the create left pending (v3's, whose key
 * exists unbound) are bound by a job on the server, posted with the dialog's first render, and run
 * by the server, so closing the dialog (or the tab) never stops it. With none pending (v2: the key
 * came back bound) there is nothing to run.
 */
export function useRevealBindings(
  createdKey: CreatedKey,
  projectId: number | undefined,
  onBindingsPosted?: BindingsPosted,
) {
  const toBind = createdKey.pendingBindings;
  const keyName = createdKey.key.name;
  const count = toBind.length;
  // Fixed for the dialog's life: the same job whatever re-renders.
  const input = useMemo(
    () =>
      count > 0 && projectId !== undefined
        ? {
            kind: 'bind' as const,
            project_id: projectId,
            key_name: keyName,
            deployments: toBind,
          }
        : null,
    [count, projectId, keyName, toBind],
  );
  const run = useJobRun(input, (posted) => onBindingsPosted?.(posted.id));
  const { begin, job, startError } = run;
  const toldNone = useRef(false);

  // Before the first paint, not after it: the tab may be closed the moment the secret shows, and
  // one in the background paints nothing until it is looked at again. The post is a keepalive
  // request (jobs-client.ts), so the browser delivers it even when the tab is gone by then.
  useLayoutEffect(() => {
    if (input) begin();
    else if (!toldNone.current) {
      toldNone.current = true;
      onBindingsPosted?.(null);
    }
  }, [input, begin, onBindingsPosted]);

  const items = useMemo(
    () => jobProgressItems(job, input?.deployments ?? [], true, startError),
    [job, input, startError],
  );
  /** The deployments the key is bound to now: the answer's, plus every binding that landed. */
  const bound = useMemo(
    () =>
      new Set([
        ...createdKey.key.deploymentRefs,
        ...items.filter((item) => item.status === 'done').map((item) => item.deployment),
      ]),
    [createdKey.key.deploymentRefs, items],
  );

  return {
    /** Shown as progress rows: only where bindings run after the create. */
    items: input ? items : null,
    /** A binding has yet to start or is running: it goes on after a close. */
    running: input !== null && startError === null && (!job || isActiveJob(job)),
    /** Why the server did not take the bind job: the key exists, bound to none of them. */
    startError: input ? startError : null,
    retryError: run.retryError,
    retry: () => run.retry(),
    bound,
    /** Safe to call again (the job is posted once): a close before the first paint. */
    ensureStarted: begin,
  };
}
