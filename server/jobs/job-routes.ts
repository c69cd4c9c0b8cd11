import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorAnswer, sendError } from '../cloud-answer.ts';
import { JOB_ID, notFound, SIGN_IN, writeCaller } from './job-answers.ts';
import { sendJson } from './job-request.ts';
import { toJob } from './job-row.ts';
import type { NewJob, Clock } from './job-store.ts';
import type { JobsEndpointOptions } from './jobs-endpoint-options.ts';
import { readStartInput } from './read-start-input.ts';
import { answerRotation } from './retire-routes.ts';

type JobRoutesOptions = JobsEndpointOptions & {
  clock: Clock;
  holder: NonNullable<NewJob['holder']>;
};

/**
 * List, start, read and resume. A personal job's token is held by this worker before the job is
 * written, so no other worker can claim it without one.
 */
export function jobRoutes(options: JobRoutesOptions) {
  const { store, runner, clock, holder } = options;
  const mode = options.sharedToken ? ('shared' as const) : ('personal' as const);

  const holdToken = (id: string, authorization: string | undefined) =>
    authorization && !options.sharedToken ? runner.hold(id, authorization) : () => {};

  const refusedReader = async (req: IncomingMessage, res: ServerResponse) => {
    const refusal = await options.readers(req.headers.authorization);
    if (refusal) sendError(res, refusal);
    return refusal !== undefined;
  };

  return {
    async list(req: IncomingMessage, res: ServerResponse, url: URL) {
      if (await refusedReader(req, res)) return;
      const project = url.searchParams.get('project_id') ?? '';
      if (!/^[1-9]\d{0,15}$/.test(project) || !Number.isSafeInteger(Number(project))) {
        const message = 'project_id must be a positive whole number, as in ?project_id=1.';
        return sendError(res, errorAnswer(400, 'InvalidQuery', message));
      }
      const jobs = await store.list(Number(project));
      sendJson(res, 200, { results: jobs.map(toJob) });
    },

    async create(req: IncomingMessage, res: ServerResponse) {
      const caller = writeCaller(req, res, options);
      if (!caller) return;
      const input = await readStartInput(req, res, clock(), options.retireMinDelayMs);
      if (!input) return;
      const id = randomUUID();
      // A held retirement runs only on "Retire now", which brings the token it needs then.
      const due = input.kind !== 'retire' || input.run_after !== null;
      const undo = due ? holdToken(id, caller.authorization) : () => {};
      try {
        const job = await store.create({
          ...input,
          id,
          started_by: caller.user,
          token_mode: mode,
          ...(options.sharedToken || !due ? {} : { holder }),
        });
        if (job.kind === 'retire') {
          answerRotation(
            res,
            { clock, writeLine: options.writeLine },
            {
              action: 'rotate',
              user: caller.user,
              job,
            },
          );
        } else sendJson(res, 202, toJob(job));
        void runner.wake();
      } catch (error) {
        undo();
        throw error;
      }
    },

    async read(req: IncomingMessage, res: ServerResponse, id: string) {
      if (await refusedReader(req, res)) return;
      const job = JOB_ID.test(id) ? await store.get(id) : undefined;
      if (!job) return notFound(res);
      sendJson(res, 200, toJob(job));
    },

    async retry(req: IncomingMessage, res: ServerResponse, id: string) {
      const authorization = req.headers.authorization;
      if (!options.sharedToken && !authorization) {
        return sendError(res, errorAnswer(401, 'NotSignedIn', SIGN_IN));
      }
      if (!JOB_ID.test(id)) return notFound(res);
      const undo = holdToken(id, authorization);
      const verdict = await store
        .retry(id, mode, options.sharedToken ? undefined : holder)
        .catch((error: unknown) => {
          undo();
          throw error;
        });
      if (!verdict.ok) {
        undo();
        if (verdict.reason === 'not-found') return notFound(res);
        const message = `This job is ${verdict.state ?? 'not stopped'}: only a failed or interrupted job can be resumed.`;
        return sendError(res, errorAnswer(409, 'JobNotResumable', message));
      }
      sendJson(res, 202, toJob(verdict.job));
      void runner.wake();
    },
  };
}
