import type { Project } from '../../src/features/projects/api/project-schemas';

export const SEED_PROJECT_IDS = { default: 1, staging: 2, deleted: 3 } as const;

/** One of client 100's projects: live and not the default unless `more` says otherwise. */
function project(id: number, name: string, createdAt: string, more: Partial<Project>): Project {
  const live = { is_default: false, state: 'ACTIVE', deleted_at: null, task_id: null };
  return { id, name, created_at: createdAt, client_id: 100, description: null, ...live, ...more };
}

// created_at without a zone designator, exactly as Gcore serves projects.
export const SEED_PROJECTS: readonly Project[] = [
  project(1, 'default', '2024-03-01T09:00:00', {
    is_default: true,
    description: 'Default project',
  }),
  project(2, 'staging', '2024-05-14T12:30:00', { description: 'Pre-production deployments' }),
  // Only visible with include_deleted=true; gives that filter something to do.
  project(3, 'old-experiments', '2024-01-10T08:00:00', {
    state: 'DELETED',
    deleted_at: '2024-02-20T17:00:00',
  }),
];
