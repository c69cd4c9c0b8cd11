import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  startJobInputSchema,
  startRetireInputSchema,
  type StartAnyJobInput,
} from '../../src/features/jobs/api/job-contract.ts';
import { errorAnswer, sendError } from '../cloud-answer.ts';
import { describeIssue } from './describe-issue.ts';
import { readJsonBody } from './job-request.ts';
import { retireTiming } from './retire-timing.ts';

/**
 * The job a start asks for, or undefined once a 400 (or the body's own refusal) has been sent.
 * A retirement is read by its own schema, so each field's message names what is wrong with it;
 * its `run_after` is "now" (within the skew), held (null), or past RETIRE_MIN_DELAY_MS.
 */
export async function readStartInput(
  req: IncomingMessage,
  res: ServerResponse,
  now: Date,
  retireMinDelayMs: number,
): Promise<StartAnyJobInput | undefined> {
  const body = await readJsonBody(req, res);
  if (!body) return undefined;
  const retire = isRecord(body.value) && body.value.kind === 'retire';
  const parsed = (retire ? startRetireInputSchema : startJobInputSchema).safeParse(body.value);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    return invalid(res, issue ? describeIssue(issue) : 'The job is invalid.');
  }
  const input = parsed.data;
  if (input.kind !== 'retire') return input;
  const timing = retireTiming(input.run_after, now, retireMinDelayMs);
  if (!timing.ok) return invalid(res, timing.message);
  return { ...input, run_after: timing.runAfter };
}

function invalid(res: ServerResponse, message: string): undefined {
  sendError(res, errorAnswer(400, 'InvalidRequestBody', message));
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
