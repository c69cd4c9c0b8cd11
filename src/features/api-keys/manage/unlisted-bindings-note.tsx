import { useQuery } from '@tanstack/react-query';
import type { DeploymentRecord } from '../../deployments/api/deployment-record';
import { deploymentRecordsQueryOptions } from '../api/key-queries';
import { useKeysAdapter } from '../api/keys-adapter-context';
import { DeploymentNames } from '../shared/deployment-names';

/** The ids named here are by definition not among the project's deployments. */
const NONE: ReadonlyMap<string, DeploymentRecord> = new Map<string, DeploymentRecord>();

type UnlistedBindingsNoteProps = { projectId: number; boundIds: readonly string[] };

/**
 * The instance picker only shows the project's deployments, and any change to its selection
 * keeps only those. A key bound to ids the list lacks (a deleted deployment, say) would lose them
 * without a word, so they are named here.
 */
export function UnlistedBindingsNote({ projectId, boundIds }: UnlistedBindingsNoteProps) {
  const deployments = useQuery(deploymentRecordsQueryOptions(useKeysAdapter(), projectId));
  if (!deployments.data) return null;
  const listed = new Set(deployments.data.map((deployment) => deployment.ref));
  const unlisted = boundIds.filter((id) => !listed.has(id));
  if (unlisted.length === 0) return null;
  return (
    <div className="border-warning-line bg-warning-subtle text-warning-fg flex flex-col gap-1.5 rounded-md border p-3 text-sm">
      <p>
        This key is also bound to {unlisted.length === 1 ? 'a deployment' : 'deployments'} not in
        this project&apos;s list. Changing the selection above unbinds{' '}
        {unlisted.length === 1 ? 'it' : 'them'}.
      </p>
      <DeploymentNames ids={unlisted} deploymentsById={NONE} />
    </div>
  );
}
