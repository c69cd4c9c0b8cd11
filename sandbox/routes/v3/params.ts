import type { SandboxContext } from '../../http/context';
import { notFoundFailure, validationFailure } from '../../http/errors';
import { parseInteger } from '../../http/query';
import type { SandboxStore } from '../../store/store';
import type { DeploymentRecord, StoredApiKey } from '../../store/types';

/** The spec's `api_key_name` path pattern: no dots, at least 4 characters. */
const KEY_NAME_IN_PATH = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** `{project_id}` is required in every v3 path; an unknown or deleted project is a 404. */
export function projectParam(c: SandboxContext, store: SandboxStore): number {
  const id = parseInteger(c.req.param('project_id'), 0);
  if (id === undefined) throw validationFailure({ project_id: ['A valid integer is required.'] });
  return store.requireProject(id).id;
}

export function keyParam(c: SandboxContext, store: SandboxStore, projectId: number): StoredApiKey {
  const name = c.req.param('api_key_name') ?? '';
  if (name.length < 4 || !KEY_NAME_IN_PATH.test(name)) {
    throw validationFailure({
      api_key_name: ['Use at least 4 lower-case letters, digits and hyphens (no dots).'],
    });
  }
  const key = store.keysOf(projectId).find((k) => k.name === name);
  if (!key) throw notFoundFailure(`API key ${name} not found in project ${projectId}.`);
  return key;
}

export function deploymentParam(
  c: SandboxContext,
  store: SandboxStore,
  projectId: number,
): DeploymentRecord {
  const name = c.req.param('deployment_name') ?? '';
  const record = store.deployments.find(
    (d) =>
      d.project_id === projectId && d.instance.name === name && d.instance.status !== 'DELETED',
  );
  if (!record) throw notFoundFailure(`Deployment ${name} not found in project ${projectId}.`);
  return record;
}

/** v3 lists take `limit` (1–1000) and `offset`; no order, no filter. */
export function pageParams(c: SandboxContext, defaultLimit: number) {
  const limit = parseInteger(c.req.query('limit'), defaultLimit);
  const offset = parseInteger(c.req.query('offset'), 0);
  const invalid: Record<string, string[]> = {};
  if (limit === undefined || limit < 1 || limit > 1000) {
    invalid.limit = ['Ensure this value is an integer from 1 to 1000.'];
  }
  if (offset === undefined || offset < 0) {
    invalid.offset = ['Ensure this value is an integer greater than or equal to 0.'];
  }
  if (limit === undefined || offset === undefined || Object.keys(invalid).length > 0) {
    throw validationFailure(invalid);
  }
  return { limit, offset };
}
