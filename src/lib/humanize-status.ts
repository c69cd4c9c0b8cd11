/** Statuses whose words the API runs together. */
const LABELS: Record<string, string> = { PARTIALLYDEPLOYED: 'Partially deployed' };

/** An API status as a label: "NOT_READY" → "Not ready"; unknown ones are shown as they come. */
export function humanizeStatus(status: string): string {
  const known = LABELS[status.toUpperCase()];
  if (known) return known;
  const words = status.replaceAll('_', ' ').trim().toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Unknown';
}
