import { useQuery } from '@tanstack/react-query';
import { memo, useId, useState } from 'react';
import { useController, useWatch, type Control } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import { FieldMessage, inputClass } from '../../../components/ui/field';
import { DeploymentStatus } from '../../deployments/components/deployment-status';
import { deploymentRecordsQueryOptions } from '../api/key-queries';
import { useKeysAdapter } from '../api/keys-adapter-context';
import type { CreateApiKeyFormValues } from '../model/create-api-key-form-schema';
import { DeploymentsLoadError } from './deployments-load-error';

/** Past this many deployments, a filter box helps more than it costs. */
const FILTER_THRESHOLD = 6;

// Memoised: it subscribes to the fields it shows, so the form's other updates skip it.
export const InstancePicker = memo(function InstancePicker({
  control,
}: {
  control: Control<CreateApiKeyFormValues>;
}) {
  const id = useId();
  const projectId = useWatch({ control, name: 'projectId' });
  const { field, fieldState } = useController({ control, name: 'instanceIds' });
  const [filter, setFilter] = useState('');
  const deployments = useQuery({
    ...deploymentRecordsQueryOptions(useKeysAdapter(), Number(projectId)),
    enabled: projectId !== '',
  });

  const all = deployments.data ?? [];
  const needle = filter.trim().toLowerCase();
  const visible = needle ? all.filter((d) => d.name.toLowerCase().includes(needle)) : all;
  const selected = new Set(field.value);
  const setSelected = (next: Set<string>) =>
    field.onChange(all.map((d) => d.ref).filter((i) => next.has(i)));
  const errorId = `${id}-error`;

  return (
    <fieldset
      className="flex min-w-0 flex-col gap-2"
      aria-describedby={`${fieldState.error ? `${errorId} ` : ''}${id}-hint`}
    >
      <legend className="text-fg mb-1.5 text-sm font-medium">Deployments</legend>
      {/* One height whether loading, empty or full: the fields below never jump when the list
          arrives (a layout shift on every page load otherwise); a long list scrolls inside, a
          short one's box still reaches the bottom, so no blank band opens under it. */}
      <div className="flex h-72 flex-col gap-2">
        {deployments.isPending && projectId !== '' && (
          <p className="text-fg-muted text-sm">Loading deployments…</p>
        )}
        {deployments.isError && (
          <DeploymentsLoadError
            error={deployments.error}
            onRetry={() => void deployments.refetch()}
          />
        )}
        {deployments.isSuccess && all.length === 0 && (
          <p className="text-fg-muted text-sm">This project has no deployments yet.</p>
        )}
        {all.length > FILTER_THRESHOLD && (
          <input
            type="search"
            aria-label="Filter deployments"
            placeholder="Filter by name"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            className={inputClass}
          />
        )}
        {all.length > 1 && (
          <div className="flex gap-2">
            <Button
              onClick={() => setSelected(new Set([...selected, ...visible.map((d) => d.ref)]))}
            >
              Select all{needle ? ' shown' : ''}
            </Button>
            <Button
              onClick={() =>
                setSelected(new Set([...selected].filter((i) => !visible.some((d) => d.ref === i))))
              }
            >
              Select none{needle ? ' shown' : ''}
            </Button>
          </div>
        )}
        <ul className="border-line bg-surface flex min-h-0 flex-1 flex-col gap-1 overflow-y-auto rounded-md border p-2 empty:hidden">
          {visible.map((deployment, index) => (
            <li key={deployment.ref}>
              <label className="hover:bg-canvas flex cursor-pointer items-center gap-2 rounded px-1.5 py-1">
                <input
                  type="checkbox"
                  ref={index === 0 ? field.ref : undefined}
                  checked={selected.has(deployment.ref)}
                  onChange={(event) => {
                    const next = new Set(selected);
                    if (event.target.checked) next.add(deployment.ref);
                    else next.delete(deployment.ref);
                    setSelected(next);
                  }}
                  onBlur={field.onBlur}
                  className="accent-accent size-4"
                />
                <span className="min-w-0 flex-1 truncate">{deployment.name}</span>{' '}
                <DeploymentStatus status={deployment.status} />
              </label>
            </li>
          ))}
        </ul>
        {needle && visible.length === 0 && (
          <p className="text-fg-muted text-sm">No deployment matches “{filter}”.</p>
        )}
      </div>
      <FieldMessage
        id={id}
        hint={
          field.value.length === 0
            ? 'None selected: the key will exist but unlock no deployment until you bind one to it.'
            : `${field.value.length} of ${all.length} selected. The key works only on these deployments.`
        }
        error={fieldState.error?.message}
      />
    </fieldset>
  );
});
