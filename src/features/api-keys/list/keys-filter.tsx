import { useEffect, useState } from 'react';
import { inputClass } from '../../../components/ui/field';

const DEBOUNCE_MS = 250;

/** Filters by name as the user types; the URL (and so the query) follows after a short pause. */
export function KeysFilter({
  value,
  onChange,
}: {
  value: string;
  onChange: (filter: string) => void;
}) {
  const [draft, setDraft] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  // Back/forward can change the filter from outside: follow it.
  if (value !== lastValue) {
    setLastValue(value);
    setDraft(value);
  }

  useEffect(() => {
    if (draft === value) return;
    const timer = setTimeout(() => onChange(draft), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, value, onChange]);

  return (
    <input
      type="search"
      aria-label="Filter keys by name"
      placeholder="Filter by name"
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      className={`${inputClass} max-w-xs`}
    />
  );
}
