import { useEffect, useMemo } from 'react';
import { afterNextPaint } from '../../../lib/after-next-paint';
import { isActiveJob } from '../../jobs/api/job-query-keys';
import { jobProgressItems } from '../../jobs/model/job-progress';
import { useJobRun } from '../../jobs/use-job-run';
import type { CreatedKey } from '../api/use-key-mutations';
import { useKeysAdapter } from '../api/keys-adapter-context';

/**
 * The new key's bindings as the reveal shows them. Where binding is by task (v3) the key exists
 * unbound: a job on the server binds it, posted once the dialog has painted so nothing about it
 * can delay the secret, and run by the server, so closing the dialog (or the tab) never stops
 * it. Elsewhere (v2) the key came back bound and there is nothing to run.
 */
export function useRevealBindings(createdKey: CreatedKey, projectId: number | undefined) {
  const { bindingByTask } = useKeysAdapter().capabilities;
  const toBind = bindingByTask && projectId !== undefined ? createdKey.deploymentRefs : [];
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
            deployments: createdKey.deploymentRefs,
          }
        : null,
    [count, projectId, keyName, createdKey.deploymentRefs],
  );
  const run = useJobRun(input);
  const { begin, job, startError } = run;

  useEffect(() => (input ? afterNextPaint(begin) : undefined), [input, begin]);

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
