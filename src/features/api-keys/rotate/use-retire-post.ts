import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { describeError } from '../../../lib/describe-error';
import type { Job } from '../../jobs/api/job-contract';
import { postJob } from '../../jobs/api/post-job';
import type { KeyRecord, RetirePlan } from '../api/key-model';
import { useKeysAdapter } from '../api/keys-adapter-context';
import { retireAt, type GraceOption } from './grace-options';

export type RetirePost =
  { state: 'waiting' } | { state: 'posted'; job: Job } | { state: 'failed'; error: string };

/**
 * Posts the old key's retirement once the new key exists and its bind job was taken (or none
 * was needed). A plain promise: the post goes on if the reveal closes, and the request is a
 * keepalive one (jobs-client.ts), so a tab closed at once still retires the old key.
 */
export function useRetirePost(projectId: number, oldKey: KeyRecord) {
  const client = useQueryClient();
  const adapter = useKeysAdapter();
  const [post, setPost] = useState<RetirePost>({ state: 'waiting' });
  const last = useRef<{ newKey: KeyRecord; plan: RetirePlan } | null>(null);

  const send = useCallback(
    (newKey: KeyRecord, plan: RetirePlan) => {
      last.current = { newKey, plan };
      setPost({ state: 'waiting' });
      postJob(client, adapter.retireInput(projectId, oldKey, newKey, plan)).then(
        (job) => setPost({ state: 'posted', job }),
        (error: unknown) => setPost({ state: 'failed', error: describeError(error) }),
      );
    },
    [client, adapter, projectId, oldKey],
  );

  return {
    post,
    /** For the reveal: the new key's bind job is posted (its id) or none was needed (null). */
    start: (newKey: KeyRecord, grace: GraceOption) => (afterJob: string | null) =>
      send(newKey, { afterJob, runAfter: retireAt(grace, new Date()) }),
    retry: () => {
      if (last.current) send(last.current.newKey, last.current.plan);
    },
  };
}
