/** The steps `--only` chooses from; the bundle is always measured, every step runs on its build. */
export const STEPS = [
  'lighthouse',
  'interaction',
  'renders',
  'list',
  'list10k',
  'gateway',
  'jobs',
] as const;
export type Step = (typeof STEPS)[number];

/** How many runs each step makes, from the command line. */
export type StepCounts = {
  runs: number;
  listRuns: number;
  lighthouseRuns: number;
  gatewayRequests: number;
  jobRuns: number;
};

/** `lighthouse,jobs` → those steps; a name that is no step stops the run, naming it. */
export function parseSteps(only: string): Set<Step> {
  const names = only
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !STEPS.some((step) => step === name));
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(
      `--only takes steps from ${STEPS.join(', ')}, separated by commas; got "${only}".`,
    );
  }
  return new Set(STEPS.filter((step) => names.includes(step)));
}
