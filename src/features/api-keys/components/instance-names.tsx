import type { Deployment } from '../../deployments/api/deployment-schemas';

const SHOWN = 3;

/** Deployment names for bound ids; an id with no deployment is a short id marked unknown. */
export function InstanceNames({
  ids,
  deploymentsById,
}: {
  ids: string[];
  /** Undefined while the deployments load: no id is called unknown before they are here. */
  deploymentsById: ReadonlyMap<string, Deployment> | undefined;
}) {
  if (ids.length === 0) return <span className="text-slate-500">None</span>;
  return (
    <ul className="flex flex-col">
      {ids.slice(0, SHOWN).map((id) => {
        const deployment = deploymentsById?.get(id);
        return (
          <li key={id} className="max-w-64 min-w-40 wrap-anywhere">
            {deployment ? (
              deployment.name
            ) : (
              <span title={id}>
                <span className="font-mono">{id.slice(0, 8)}…</span>{' '}
                <span className="text-xs text-slate-500">{deploymentsById ? '(unknown)' : ''}</span>
              </span>
            )}
          </li>
        );
      })}
      {ids.length > SHOWN && <li className="text-slate-500">and {ids.length - SHOWN} more</li>}
    </ul>
  );
}
