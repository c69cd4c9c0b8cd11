import type { UseQueryResult } from '@tanstack/react-query';
import { useId } from 'react';
import { Button } from '../../../components/ui/button';
import { describeError } from '../../../lib/describe-error';
import type { JobsSettings } from '../../jobs/api/job-contract';
import type { GraceOption } from './grace-options';

type GraceFieldProps = {
  oldName: string;
  options: readonly GraceOption[];
  value: string;
  onChange: (value: string) => void;
  settings: UseQueryResult<JobsSettings>;
};

/**
 * When the old key stops working. Until the server has said its shortest grace, only "now" and
 * "I'll retire it myself" are offered, which it always allows.
 */
export function GraceField({ oldName, options, value, onChange, settings }: GraceFieldProps) {
  const id = useId();
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={`${id}-hint`}>
      <legend className="text-sm font-medium">
        Retire <span className="break-all">{oldName}</span>
      </legend>
      <p id={`${id}-hint`} className="text-fg-muted text-sm">
        It keeps working until then, and never before the new key’s bindings are done.
      </p>
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name={`${id}-grace`}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              className="accent-accent size-4"
            />
            {option.label}
          </label>
        ))}
      </div>
      {settings.isPending && (
        <p role="status" className="text-fg-muted text-sm">
          Loading the scheduled choices…
        </p>
      )}
      {settings.isError && (
        <div role="alert" className="text-danger-fg flex flex-wrap items-center gap-2 text-sm">
          <span>Only “now” and “yourself” are offered: {describeError(settings.error)}</span>
          <Button variant="ghost" onClick={() => void settings.refetch()}>
            Try again
          </Button>
        </div>
      )}
    </fieldset>
  );
}
