import { useEffect, useMemo } from 'react';
import { afterNextPaint } from '../../../lib/after-next-paint';
import { useBindingJobs } from '../../deployments/binding/use-binding-jobs';
import type { CreatedKey } from '../api/use-key-mutations';
import { useKeysAdapter } from '../api/keys-adapter-context';

const NONE: readonly string[] = [];

/**
 * The new key's bindings as the reveal shows them. Where binding is by task (v3) the key exists
 * unbound: its jobs start once the dialog has painted, so nothing about them can delay the
 * secret, and they run in the query client, so closing the dialog never stops them. Elsewhere
 * (v2) the key came back bound and there is nothing to run.
 */
export function useRevealBindings(createdKey: CreatedKey, projectId: number | undefined) {
  const { bindingByTask } = useKeysAdapter().capabilities;
  const toBind = bindingByTask && projectId !== undefined ? createdKey.deploymentRefs : NONE;
  const jobs = useBindingJobs({
    projectId: projectId ?? 0,
    keyName: createdKey.key.name,
    attach: true,
    deployments: toBind,
  });
  const { start, items } = jobs;

  useEffect(() => {
    if (toBind.length === 0) return;
    return afterNextPaint(start);
  }, [start, toBind.length]);

  /** The deployments the key is bound to now: the answer's, plus every binding that landed. */
  const bound = useMemo(
    () =>
      new Set([
        ...createdKey.key.deploymentRefs,
        ...items.filter((item) => item.state.status === 'done').map((item) => item.deployment),
      ]),
    [createdKey.key.deploymentRefs, items],
  );

  return {
    /** Shown as progress rows: only where bindings run after the create. */
    items: toBind.length > 0 ? items : null,
    /** A binding has yet to start or is running: it would go on after a close. */
    running: toBind.length > 0 && !jobs.settled,
    retry: jobs.retry,
    bound,
    /** Safe to call again (a running or landed job is skipped): a close before the first paint. */
    ensureStarted: () => {
      if (toBind.length > 0) start();
    },
  };
}
