import type { DeploymentRecord } from '../api/deployment-record';

export type BindingChange = { deployment: string; keyName: string; attach: boolean };

/** The deployment's key list with the change applied: order kept, duplicates never added. */
export function nextKeyList(current: readonly string[], change: BindingChange): string[] {
  const without = current.filter((name) => name !== change.keyName);
  return change.attach ? [...without, change.keyName] : without;
}

/**
 * The deployment PATCHes that take a key from `before` to `after` (deployment names), one per
 * deployment. Attaches come first, in the order of `after`, then detaches in the order of
 * `before`: a key moved between deployments serves the new one before it leaves the old one, so
 * its callers are never without a deployment midway.
 */
export function bindingChanges(
  keyName: string,
  before: readonly string[],
  after: readonly string[],
): BindingChange[] {
  const was = new Set(before);
  const will = new Set(after);
  const attach = [...will].filter((d) => !was.has(d));
  const detach = [...was].filter((d) => !will.has(d));
  return [
    ...attach.map((deployment) => ({ deployment, keyName, attach: true })),
    ...detach.map((deployment) => ({ deployment, keyName, attach: false })),
  ];
}

/**
 * The deployments a detach leaves with no key at all: they turn authentication off and accept
 * requests from anyone. Judged on the lists as last read; the server's job re-reads before it
 * PATCHes, so a key added meanwhile only makes the warning stricter than needed.
 */
export function deploymentsLosingLastKey(
  changes: readonly BindingChange[],
  deployments: readonly DeploymentRecord[],
): DeploymentRecord[] {
  return changes.flatMap((change) => {
    if (change.attach) return [];
    const deployment = deployments.find((d) => d.ref === change.deployment);
    if (!deployment?.keyRefs.includes(change.keyName)) return [];
    const left = deployment.keyRefs.filter((name) => name !== change.keyName);
    return left.length === 0 ? [deployment] : [];
  });
}

/** The chosen deployments open to anyone today: binding a key turns key authentication on. */
export function deploymentsTurningAuthOn(chosen: readonly DeploymentRecord[]): DeploymentRecord[] {
  return chosen.filter((deployment) => !deployment.authEnabled);
}
