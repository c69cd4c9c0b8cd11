import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorAnswer, newRequestId, sendError } from '../cloud-answer.ts';
import { notFound, writeCaller, JOB_ID } from './job-answers.ts';
import type { ChangedJob } from './job-leases.ts';
import { jobLogLine } from './job-log.ts';
import { sendJson } from './job-request.ts';
import { toJob } from './job-row.ts';
import type { JobRunner } from './job-runner.ts';
import type { Clock, NewJob } from './job-store.ts';
import type { JobRecord } from './job-types.ts';
import { rotationAuditLine, type RotationAction } from './retire-audit.ts';
import type { RetireStore } from './retire-store.ts';

export type RetireRoutesOptions = {
  retire: RetireStore;
  runner: Pick<JobRunner, 'workerId' | 'hold' | 'wake'>;
  identify: (req: IncomingMessage) => string | undefined;
  sharedToken: boolean;
  holder: NonNullable<NewJob['holder']>;
  clock: Clock;
  writeLine: (line: string) => void;
  onJobChange?: (job: ChangedJob) => void;
};

/** A 202 with the job, its request id, and the audit line that names who decided what. */
export function answerRotation(
  res: ServerResponse,
  options: Pick<RetireRoutesOptions, 'clock' | 'writeLine'>,
  decision: { action: RotationAction; user: string; job: JobRecord },
): void {
  const requestId = newRequestId();
  res.setHeader('x-request-id', requestId);
  sendJson(res, 202, toJob(decision.job));
  options.writeLine(
    rotationAuditLine({ ...decision, status: 202, requestId, time: options.clock() }),
  );
}

/**
 * `POST /__app/jobs/{id}/run-now` ("Retire now") and `/cancel` ("Keep") on a retirement that
 * has not started. Run now under personal sign-in hands the caller's token to this worker, as a
 * resume does; a kept retirement is an end, logged and counted like the runner's.
 */
export function retireRoutes(options: RetireRoutesOptions) {
  const { retire, runner } = options;
  const mode = options.sharedToken ? ('shared' as const) : ('personal' as const);

  const refuse = (res: ServerResponse, job: JobRecord, what: string) => {
    const message =
      job.kind === 'retire'
        ? `This retirement is ${job.state}: only a scheduled or held retirement can be ${what}.`
        : `This is a ${job.kind} job: only a scheduled or held retirement can be ${what}.`;
    sendError(res, errorAnswer(409, 'JobNotWaiting', message));
  };

  return {
    async runNow(req: IncomingMessage, res: ServerResponse, id: string) {
      const caller = writeCaller(req, res, options);
      if (!caller) return;
      if (!JOB_ID.test(id)) return notFound(res);
      const personal = caller.authorization !== undefined && !options.sharedToken;
      const undo = personal ? runner.hold(id, caller.authorization ?? '') : () => {};
      const verdict = await retire
        .runNow(id, mode, personal ? options.holder : undefined)
        .catch((error: unknown) => {
          undo();
          throw error;
        });
      if (!verdict.ok) {
        undo();
        return verdict.reason === 'not-found' ? notFound(res) : refuse(res, verdict.job, 'run now');
      }
      answerRotation(res, options, { action: 'retire', user: caller.user, job: verdict.job });
      void runner.wake();
    },

    async cancel(req: IncomingMessage, res: ServerResponse, id: string) {
      const caller = writeCaller(req, res, options);
      if (!caller) return;
      if (!JOB_ID.test(id)) return notFound(res);
      const verdict = await retire.cancel(id);
      if (!verdict.ok) {
        return verdict.reason === 'not-found'
          ? notFound(res)
          : refuse(res, verdict.job, 'called off');
      }
      answerRotation(res, options, { action: 'keep', user: caller.user, job: verdict.job });
      options.writeLine(jobLogLine(verdict.job, options.clock()));
      options.onJobChange?.(verdict.job);
    },
  };
}
