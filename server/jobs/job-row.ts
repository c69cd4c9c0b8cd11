import {
  jobKindSchema,
  jobStateSchema,
  jobStepSchema,
  rotationSchema,
  type Job,
} from '../../src/features/jobs/api/job-contract.ts';
import * as z from 'zod/mini';
import type { JobRecord } from './job-types.ts';

/** A `jobs` row as either driver returns it: timestamps as Date, bigint maybe as text. */
export type JobRow = {
  id: string;
  kind: string;
  state: string;
  project_id: number | string;
  key_name: string;
  steps: unknown;
  key_deleted: boolean;
  failure: string | null;
  started_by: string;
  token_mode: string;
  detail: unknown;
  attempts: number;
  run_after: Date | null;
  rotation: unknown;
  created_at: Date;
  updated_at: Date;
};

const stepsSchema = z.array(jobStepSchema);

/** A row, checked: a row another version wrote in a shape this one cannot read throws here. */
export function toJobRecord(row: JobRow): JobRecord {
  return {
    id: row.id,
    kind: jobKindSchema.parse(row.kind),
    state: jobStateSchema.parse(row.state),
    project_id: Number(row.project_id),
    key_name: row.key_name,
    steps: stepsSchema.parse(row.steps),
    key_deleted: row.key_deleted,
    failure: row.failure,
    started_by: row.started_by,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    run_after: row.run_after ? row.run_after.toISOString() : null,
    rotation: row.rotation == null ? null : rotationSchema.parse(row.rotation),
    token_mode: row.token_mode === 'personal' ? 'personal' : 'shared',
    detail: row.detail ?? null,
    attempts: row.attempts,
  };
}

/** What the page sees: the contract's fields only, never the worker's bookkeeping. */
export function toJob(record: JobRecord): Job {
  return {
    id: record.id,
    kind: record.kind,
    state: record.state,
    project_id: record.project_id,
    key_name: record.key_name,
    steps: record.steps,
    key_deleted: record.key_deleted,
    failure: record.failure,
    started_by: record.started_by,
    created_at: record.created_at,
    updated_at: record.updated_at,
    run_after: record.run_after,
    rotation: record.rotation,
  };
}

/** The columns every store query returns, in the shape `toJobRecord` reads. */
export const JOB_COLUMNS =
  'id, kind, state, project_id, key_name, steps, key_deleted, failure, started_by, token_mode, ' +
  'detail, attempts, run_after, rotation, created_at, updated_at';
