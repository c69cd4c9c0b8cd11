import type { AttackCase } from './attack-case.ts';

/** A task id no deployment PATCH through this server ever answered with. */
const UNSEEN_TASK = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';

/** Issue 19, finding 12: tasks belong to the whole account and echo their input. */
export const TASK_ATTACK_CASES: AttackCase[] = [
  {
    name: 'a task this server never started',
    kind: 'finding',
    server: 'v3',
    request: () => ({
      method: 'GET',
      target: `/cloud/v1/tasks/${UNSEEN_TASK}`,
      headers: { 'sec-fetch-site': 'same-origin' },
    }),
    status: 403,
    reaches: 0,
    audit: { action: 'read-task', task_id: UNSEEN_TASK, status: 403 },
  },
];
