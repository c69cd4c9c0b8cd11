import { setTimeout as sleep } from 'node:timers/promises';
import * as z from 'zod/mini';
import { REQUESTED_BY } from '../src/lib/request-header.ts';
import { JOBS_PATH, jobPath } from '../src/features/jobs/api/job-contract.ts';
import type { ProductionStack } from './production-stack.ts';

const deploymentPath = (project: number, name: string) =>
  `/cloud/v3/inference/${project}/deployments/${encodeURIComponent(name)}`;
const Deployment = z.object({ api_keys: z.nullable(z.array(z.string())) });
const Tasks = z.object({ tasks: z.array(z.string()) });
const Task = z.object({ state: z.string() });
const JobAnswer = z.object({ id: z.string(), state: z.string() });
const JobList = z.object({ results: z.array(JobAnswer) });

/** States a job does not leave by itself. */
export const FINISHED = new Set(['done', 'failed', 'cancelled', 'interrupted']);

async function call<T>(url: string, schema: z.ZodMiniType<T>, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok)
    throw new Error(`${init?.method ?? 'GET'} ${url} answered ${response.status}: ${text}`);
  return schema.parse(text === '' ? {} : JSON.parse(text));
}

const json = (method: string, body: unknown) => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** A v3 key made straight on the sandbox: the work measured is the binding, not the create. */
export async function createKey(stack: ProductionStack, project: number, name: string) {
  const init = json('POST', { name });
  await call(`${stack.sandboxUrl}/cloud/v3/inference/${project}/api_keys`, z.object({}), {
    ...init,
    headers: { ...init.headers, ...stack.sandboxHeaders },
  });
}

export type BindJob = { project: number; key: string; deployments: string[] };

/** Starts a bind job through the server, as the page does; resolves with its id. */
export async function startJob(stack: ProductionStack, job: BindJob): Promise<string> {
  const body = {
    kind: 'bind',
    project_id: job.project,
    key_name: job.key,
    deployments: job.deployments,
  };
  const init = json('POST', body);
  const answer = await call(`${stack.url}${JOBS_PATH}`, JobAnswer, {
    ...init,
    headers: { ...init.headers, ...REQUESTED_BY },
  });
  return answer.id;
}

/** Polls the job every `everyMs` until it finished; resolves with its last state. */
export async function waitForJob(stack: ProductionStack, id: string, everyMs = 20) {
  for (;;) {
    const job = await call(`${stack.url}${jobPath(id)}`, JobAnswer, { headers: REQUESTED_BY });
    if (FINISHED.has(job.state)) return job.state;
    await sleep(everyMs);
  }
}

/** The states of the jobs in these projects, by id, as the page's list shows them. */
export async function jobStates(stack: ProductionStack, projects: readonly number[]) {
  const states = new Map<string, string>();
  for (const project of projects) {
    const url = `${stack.url}${JOBS_PATH}?project_id=${project}`;
    const list = await call(url, JobList, { headers: REQUESTED_BY });
    for (const job of list.results) states.set(job.id, job.state);
  }
  return states;
}

/**
 * The job's work done straight on the sandbox, as the job does it: per deployment in turn,
 * re-read it, PATCH its whole key list, poll the task at once and then every `pollMs`, re-read.
 */
export async function bindDirect(stack: ProductionStack, job: BindJob, pollMs: number) {
  const headers = stack.sandboxHeaders;
  for (const deployment of job.deployments) {
    const url = `${stack.sandboxUrl}${deploymentPath(job.project, deployment)}`;
    const current = await call(url, Deployment, { headers });
    const init = json('PATCH', { api_keys: [...(current.api_keys ?? []), job.key] });
    const { tasks } = await call(url, Tasks, { ...init, headers: { ...init.headers, ...headers } });
    for (const task of tasks) {
      const taskUrl = `${stack.sandboxUrl}/cloud/v1/tasks/${encodeURIComponent(task)}`;
      for (;;) {
        const { state } = await call(taskUrl, Task, { headers });
        if (state === 'FINISHED') break;
        if (state === 'ERROR') throw new Error(`Task ${task} on ${deployment} ended in ERROR.`);
        await sleep(pollMs);
      }
    }
    const after = await call(url, Deployment, { headers });
    if (!after.api_keys?.includes(job.key))
      throw new Error(`${job.key} did not bind to ${deployment}.`);
  }
}
