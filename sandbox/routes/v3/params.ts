import type { SandboxContext } from '../../http/context';
import { notFound, validationFailure } from '../../http/errors';
import { projectIdOf } from '../../http/query';
import type { SandboxStore } from '../../store/store';
import type { DeploymentRecord } from '../../seed/deployments';
import type { StoredApiKey } from '../../store/types';

/** The spec's `api_key_name` path pattern: no dots, at least 4 characters. */
const KEY_NAME_IN_PATH = /^[a-z0-9][-a-z0-9]{2,}[a-z0-9]$/;

/** `{project_id}` is required in every v3 path; an unknown or deleted project is a 404. */
export function projectParam(c: SandboxContext, store: SandboxStore): number {
  return store.requireProject(projectIdOf(c.req.param('project_id'))).id;
}

export function keyParam(c: SandboxContext, store: SandboxStore, projectId: number): StoredApiKey {
  const name = c.req.param('api_key_name') ?? '';
  if (!KEY_NAME_IN_PATH.test(name)) {
    throw validationFailure({
      api_key_name: ['Use at least 4 lower-case letters, digits and hyphens (no dots).'],
    });
  }
  const key = store.keyNamed(projectId, name);
  if (!key) throw notFound(`API key ${name}`, projectId);
  return key;
}

export function deploymentParam(c: SandboxContext, store: SandboxStore): DeploymentRecord {
  const projectId = projectParam(c, store);
  const name = c.req.param('deployment_name') ?? '';
  const record = store.deployments.find(
    (d) =>
      d.project_id === projectId && d.instance.name === name && d.instance.status !== 'DELETED',
  );
  if (!record) throw notFound(`Deployment ${name}`, projectId);
  return record;
}
