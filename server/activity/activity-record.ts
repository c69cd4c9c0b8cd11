/** One audit line as the activity table keeps it: only the allow-listed fields, bounded. */
export type ActivityRecord = {
  time: Date;
  user: string;
  action: string;
  project: number | null;
  key_name: string | null;
  key_id: string | null;
  deployment: string | null;
  status: number;
  request_id: string;
  upstream_request_id: string | null;
  detail: Record<string, DetailValue>;
};

type DetailValue = string | number | boolean | null | string[];

/**
 * The fields of a line that go to `detail`. Anything else a writer adds stays on stdout only:
 * a field named here has been checked to carry no token, secret or body.
 */
const DETAIL_FIELDS = [
  'keys_added',
  'keys_removed',
  'auth',
  'replaced_by',
  'retire_at',
  'method',
  'task_id',
] as const;

const MAX_TEXT = 256;
const MAX_LIST = 100;

/** Cheap test before parsing: most lines (requests, jobs) are not audit lines. */
export function mayBeAuditLine(line: string): boolean {
  return line.includes('"audit"');
}

/** The record of an audit line, or undefined when `line` is not one (or is malformed). */
export function activityRecord(line: string, now: () => Date): ActivityRecord | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || parsed.type !== 'audit') return undefined;
  const action = text(parsed.action);
  const status = parsed.status;
  const requestId = text(parsed.request_id);
  if (!action || typeof status !== 'number' || !Number.isInteger(status) || !requestId) {
    return undefined;
  }
  const detail: Record<string, DetailValue> = {};
  for (const field of DETAIL_FIELDS) {
    const value = detailValue(parsed[field]);
    if (value !== undefined) detail[field] = value;
  }
  return {
    time: timeOf(parsed.time) ?? now(),
    user: text(parsed.user) ?? 'unknown',
    action: action.slice(0, 64),
    project: projectOf(parsed.project),
    key_name: text(parsed.key_name) ?? null,
    key_id: text(parsed.key_id) ?? null,
    deployment: text(parsed.deployment) ?? null,
    status,
    request_id: requestId,
    upstream_request_id: text(parsed.upstream_request_id) ?? null,
    detail,
  };
}

function detailValue(value: unknown): DetailValue | undefined {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') return value.slice(0, MAX_TEXT);
  if (Array.isArray(value)) {
    return value
      .filter((item): item is string => typeof item === 'string')
      .slice(0, MAX_LIST)
      .map((item) => item.slice(0, MAX_TEXT));
  }
  return undefined;
}

function projectOf(value: unknown): number | null {
  const number = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number > 0 ? number : null;
}

function timeOf(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value.slice(0, MAX_TEXT) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
