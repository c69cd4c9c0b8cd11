import * as z from 'zod/mini';
import { listOf } from '../../../lib/list-schema';

export const PROJECTS_PATH = '/cloud/v1/projects';

/** ProjectSerializer. `created_at` may lack a zone designator, so it is kept as a plain string. */
export const projectSchema = z.object({
  id: z.int(),
  name: z.string(),
  is_default: z.boolean(),
  state: z.string(),
  created_at: z.string(),
  client_id: z.int(),
  description: z._default(z.nullable(z.string()), null),
  deleted_at: z._default(z.nullable(z.string()), null),
  task_id: z._default(z.nullable(z.string()), null),
});
export type Project = z.infer<typeof projectSchema>;

export const projectListSchema = listOf(projectSchema);

/** The project a page opens on: the account's default, else the first one listed. */
export function findDefaultProject(projects: readonly Project[] | undefined): Project | undefined {
  return projects?.find((project) => project.is_default) ?? projects?.[0];
}
