import { useState } from 'react';
import type { Job } from '../../jobs/api/job-contract';
import { isActiveJob } from '../../jobs/api/job-query-keys';
import { jobEndSentence } from '../../jobs/model/key-jobs';

type Heard = { jobs: readonly Job[]; running: ReadonlySet<string>; said: string };

/**
 * The end of each job the list saw running, said once in a polite live region: how it went,
 * never its every step, so a screen reader is told without being flooded while the list polls.
 */
export function JobsAnnouncer({ jobs }: { jobs: readonly Job[] }) {
  const [heard, setHeard] = useState<Heard>({ jobs: [], running: new Set(), said: '' });
  // Worked out while rendering, on each new answer of the poll: no second render per answer.
  if (heard.jobs !== jobs) {
    const running = new Set(heard.running);
    const ended: string[] = [];
    for (const job of jobs) {
      if (isActiveJob(job)) running.add(job.id);
      else if (running.delete(job.id)) ended.push(jobEndSentence(job) ?? '');
    }
    const text = ended.filter(Boolean).join(' ');
    setHeard({ jobs, running, said: text || heard.said });
  }
  return (
    <p role="status" className="sr-only">
      {heard.said}
    </p>
  );
}
