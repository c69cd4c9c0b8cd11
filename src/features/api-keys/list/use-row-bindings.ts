import { useMemo } from 'react';
import type { BindingFailure } from '../../jobs/model/job-failures';
import { activeJobLabel, isDeleting, latestJobsByKey } from '../../jobs/model/key-jobs';
import { openRetirements } from '../../jobs/model/key-rotations';
import { useFailuresOf } from '../../deployments/binding/use-binding-failures';
import { useProjectJobs } from '../../jobs/api/use-jobs';
import { useKeysAdapter } from '../api/keys-adapter-context';

/**
 * What the rows say of a project's jobs on the server, whoever started them: a key's work under
 * way ("binding 1 of 2", "detaching…", "deleting…") and its work that did not land
 * ("binding failed: … · Retry"), and each rotation's old key with its retirement. Nothing where the generation runs no jobs on the server (v2):
 * none is asked for.
 */
export function useRowBindings(projectId: number | undefined) {
  const { jobsOnServer } = useKeysAdapter().capabilities;
  const jobs = useProjectJobs(projectId, jobsOnServer);
  const latestByKey = useMemo(() => latestJobsByKey(jobs), [jobs]);
  const latestJobs = useMemo(() => [...latestByKey.values()].flat(), [latestByKey]);
  const { failures, retry } = useFailuresOf(latestJobs);
  const { jobLabels, pendingDeletions } = useMemo(() => {
    const labels = new Map<string, string>();
    const deletions = new Set<string>();
    for (const [keyName, latest] of latestByKey) {
      const label = latest.map(activeJobLabel).find((text) => text !== null);
      if (label) labels.set(keyName, label);
      if (isDeleting(latest)) deletions.add(keyName);
    }
    return { jobLabels: labels as ReadonlyMap<string, string>, pendingDeletions: deletions };
  }, [latestByKey]);
  const failedBindings = useMemo(() => {
    const byKey = new Map<string, BindingFailure[]>();
    for (const failure of failures) {
      byKey.set(failure.keyName, [...(byKey.get(failure.keyName) ?? []), failure]);
    }
    return byKey;
  }, [failures]);
  const rotations = useMemo(() => openRetirements(jobs), [jobs]);
  return { jobs, jobLabels, pendingDeletions, failedBindings, rotations, onRetryBinding: retry };
}
