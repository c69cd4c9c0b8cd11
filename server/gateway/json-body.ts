/** Deeper than any body the dashboard sends (at most an object holding a list of strings). */
export const MAX_JSON_DEPTH = 8;

export type JsonVerdict = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * A request body as one JSON value, or why it is not one the gateway will re-serialise: bytes that
 * are not UTF-8, nesting past MAX_JSON_DEPTH (counted before parsing, so depth never costs
 * stack), invalid JSON, a lone surrogate (not text, and a parser may read it otherwise than
 * JSON.parse does) or a number too large for a double (`1e999` would become `null`).
 */
export function decodeJsonBody(bytes: Buffer): JsonVerdict {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: 'The request body is not UTF-8 text.' };
  }
  if (nestingDepth(text) > MAX_JSON_DEPTH) {
    return { ok: false, message: `The request body nests deeper than ${MAX_JSON_DEPTH} levels.` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The request body is not valid JSON.' };
  }
  const problem = findProblem(value);
  return problem ? { ok: false, message: problem } : { ok: true, value };
}

function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') deepest = Math.max(deepest, (depth += 1));
    else if (char === '}' || char === ']') depth -= 1;
  }
  return deepest;
}

const LONE_SURROGATE = /\p{Cs}/u;

function findProblem(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return LONE_SURROGATE.test(value)
      ? 'The request body holds a lone surrogate (\\ud800–\\udfff), which is not text.'
      : undefined;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? undefined : 'A number in the request body is too large.';
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const entries = Array.isArray(value) ? value : Object.entries(value).flat();
  for (const entry of entries) {
    const problem = findProblem(entry);
    if (problem) return problem;
  }
  return undefined;
}
