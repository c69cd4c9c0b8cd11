import type { Project } from '../../src/features/projects/api/project-schemas';

export const SEED_CLIENT_ID = 100;

export const SEED_PROJECT_IDS = { default: 1, staging: 2, deleted: 3 } as const;

// created_at without a zone designator, exactly as Gcore serves projects.
export const SEED_PROJECTS: readonly Project[] = [
  {
    id: SEED_PROJECT_IDS.default,
    name: 'default',
    is_default: true,
    state: 'ACTIVE',
    created_at: '2024-03-01T09:00:00',
    client_id: SEED_CLIENT_ID,
    description: 'Default project',
    deleted_at: null,
    task_id: null,
  },
  {
    id: SEED_PROJECT_IDS.staging,
    name: 'staging',
    is_default: false,
    state: 'ACTIVE',
    created_at: '2024-05-14T12:30:00',
    client_id: SEED_CLIENT_ID,
    description: 'Pre-production deployments',
    deleted_at: null,
    task_id: null,
  },
  // Only visible with include_deleted=true; gives that filter something to do.
  {
    id: SEED_PROJECT_IDS.deleted,
    name: 'old-experiments',
    is_default: false,
    state: 'DELETED',
    created_at: '2024-01-10T08:00:00',
    client_id: SEED_CLIENT_ID,
    description: null,
    deleted_at: '2024-02-20T17:00:00',
    task_id: null,
  },
];
