import type { Job } from './job-contract';

export const jobKeys = {
  all: ['jobs'] as const,
  project: (projectId: number) => [...jobKeys.all, 'project', projectId] as const,
  detail: (id: string) => [...jobKeys.all, 'detail', id] as const,
  settings: ['jobs-settings'] as const,
};

export const isActiveJob = (job: Job) => job.state === 'queued' || job.state === 'running';
