const localFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});
const localZoneFormat = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' });
const utcFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

function zoneName(date: Date): string {
  return (
    localZoneFormat.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value ?? ''
  );
}

/** "28 Dec 2026, 17:40 GMT+5:30": the user's own clock, with its zone spelled out. */
export function formatLocal(date: Date): string {
  return `${localFormat.format(date)} ${zoneName(date)}`.trim();
}

/** "28 Dec 2026, 12:10 UTC". */
export function formatUtc(date: Date): string {
  return `${utcFormat.format(date)} UTC`;
}
