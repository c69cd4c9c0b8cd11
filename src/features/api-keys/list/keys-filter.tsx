import { useEffect, useState, type Ref } from 'react';
import { inputClass } from '../../../components/ui/field';

/** How long typing pauses before the URL (and so the query) follows. */
export const KEYS_FILTER_DEBOUNCE_MS = 250;

/** Filters by name, description and deployment name as the user types; the URL (and so the query) follows after a short pause. */
export function KeysFilter({
  value,
  onChange,
  inputRef,
}: {
  value: string;
  onChange: (filter: string) => void;
  /** For the list to bring focus back here when it clears the filter. */
  inputRef?: Ref<HTMLInputElement>;
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
    const timer = setTimeout(() => onChange(draft), KEYS_FILTER_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, value, onChange]);

  return (
    <input
      ref={inputRef}
      type="search"
      aria-label="Filter keys by name, description or deployment"
      placeholder="Filter by name, description, deployment"
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      className={`${inputClass} max-w-xs`}
    />
  );
}
