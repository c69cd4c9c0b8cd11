import { PORT_RULE, readEnvInteger } from '../../shared/read-env-integer.ts';

export type OperationsSettings = {
  /** METRICS_TOKEN: `/metrics` on the main port behind `Authorization: Bearer`. */
  metricsToken: string | undefined;
  /** METRICS_PORT: `/metrics` on a listener of its own. */
  metricsPort: number | undefined;
  metricsHost: string;
};

const MIN_TOKEN_LENGTH = 16;

/** Read once at start; a typo or a guessable token stops the server with the variable's name. */
export function readOperationsSettings(
  env: Record<string, string | undefined>,
): OperationsSettings {
  const metricsToken = env.METRICS_TOKEN?.trim() || undefined;
  if (metricsToken !== undefined && metricsToken.length < MIN_TOKEN_LENGTH) {
    throw new Error(`METRICS_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters long`);
  }
  return {
    metricsToken,
    metricsPort: readEnvInteger(env, 'METRICS_PORT', { ...PORT_RULE, min: 1 }, undefined),
    metricsHost: env.METRICS_HOST?.trim() || '127.0.0.1',
  };
}
