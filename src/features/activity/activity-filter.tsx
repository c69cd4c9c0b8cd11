import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/ui/button';
import { inputClass } from '../../components/ui/field';

type ActivityFilterProps = {
  value: string;
  /** The key's other identity the URL carries (a v2 key's id), shown so the filter is not a mystery. */
  keyId: string | null;
  onChange: (text: string) => void;
};

/** One key, by name or id, applied on Enter or Filter: the URL keeps it for reload and Back. */
export function ActivityFilter({ value, keyId, onChange }: ActivityFilterProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  // Back and forward change the filter from outside: follow them.
  if (value !== lastValue) {
    setLastValue(value);
    setDraft(value);
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };
  return (
    <form role="search" onSubmit={submit} className="flex flex-wrap items-end gap-2">
      <div className="flex flex-col gap-1.5">
        <label htmlFor={id} className="text-sm font-medium">
          Key name or ID
        </label>
        <input
          id={id}
          type="search"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          className={`${inputClass} max-w-xs`}
          maxLength={256}
        />
      </div>
      <Button type="submit">Filter</Button>
      {value && <Button onClick={() => onChange('')}>Show every key</Button>}
      {keyId && value && (
        <p className="text-fg-muted basis-full text-xs break-all">Also its ID {keyId}</p>
      )}
    </form>
  );
}
