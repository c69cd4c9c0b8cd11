import { useEffect, useId, useSyncExternalStore } from 'react';
import {
  applyThemeChoice,
  readThemeChoice,
  setThemeChoice,
  subscribeThemeChoice,
  THEME_CHOICES,
  type ThemeChoice,
} from '../lib/theme';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };
const ICONS: Record<ThemeChoice, string> = { system: '◐', light: '☀', dark: '☾' };

/**
 * System / Light / Dark as a segmented radio group. Native radios rather than a <select>: all
 * three choices stay visible, the group is one tab stop, arrow keys move and select, and screen
 * readers announce "Theme, radio group, Dark, 3 of 3" with no ARIA of our own.
 */
export function ThemeSwitch({ className = '' }: { className?: string }) {
  const name = useId();
  const choice = useSyncExternalStore(
    subscribeThemeChoice,
    readThemeChoice,
    (): ThemeChoice => 'system',
  );

  // public/theme-boot.js normally did this before first paint; this covers a page without it.
  useEffect(() => applyThemeChoice(choice), [choice]);

  return (
    <fieldset className={`inline-flex items-center gap-2 ${className}`}>
      <legend className="sr-only">Theme</legend>
      <div className="border-line-strong bg-surface inline-flex rounded-md border p-0.5">
        {THEME_CHOICES.map((option) => (
          <label
            key={option}
            className="text-fg-muted has-checked:bg-surface-strong has-checked:text-fg has-focus-visible:outline-focus relative inline-flex cursor-pointer items-center gap-1 rounded px-2 py-1 text-xs font-medium has-focus-visible:outline-2 has-focus-visible:outline-offset-1"
          >
            <input
              type="radio"
              name={name}
              value={option}
              checked={choice === option}
              onChange={() => setThemeChoice(option)}
              className="sr-only"
            />
            <span aria-hidden="true">{ICONS[option]}</span>
            {LABELS[option]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
