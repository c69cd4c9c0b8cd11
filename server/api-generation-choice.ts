import { createHash } from 'node:crypto';
import {
  probeApiGeneration,
  type ApiGeneration,
  type ApiGenerationSetting,
  type ProbeResult,
  type ProbeTarget,
} from './api-generation.ts';
import { createProbeMemory } from './probe-memory.ts';

type Probe = (target: ProbeTarget) => Promise<ProbeResult>;

export type GenerationChoice = {
  /**
   * The generation every caller gets: pinned, or decided with the server's token. Null while
   * undecided, and always in personal sign-in, where each caller's own probe decides for them.
   */
  current(): ApiGeneration | null;
  /**
   * The generation for this caller, probing first when nothing is remembered. With a server
   * token the probe uses it; without one (personal sign-in) the caller's own `Authorization`.
   * The reason is one this caller may read.
   */
  decide(callerAuthorization: string | undefined): Promise<ProbeResult>;
  /** Called once, when `auto` decides for everyone (production re-renders its HTML). */
  onDecided(listener: (generation: ApiGeneration) => void): void;
};

export type GenerationChoiceOptions = {
  setting: ApiGenerationSetting;
  /** The API's origin. */
  url: string;
  /** The server's own token; undefined in personal sign-in mode. */
  token: string | undefined;
  probe?: Probe;
  /** One JSON line per probe, with its detailed reason: never the token. */
  writeLine?: (line: string) => void;
  /** How long a probe that decided nothing is remembered before the API is asked again. */
  retryAfterMs?: number;
  /** Personal sign-in: how long a caller's decision holds. */
  callerDecisionMs?: number;
  /** Personal sign-in: how many callers' answers are remembered at most. */
  maxCallers?: number;
};

/** What a caller who did not probe with their own token is told of a failed probe. */
export const NOT_ASKED_YET = 'the API could not be asked yet';
const NO_TOKEN = 'no token to ask the API with yet: the generation is detected at sign-in';

/**
 * `GCORE_API_VERSION` as the servers use it. With the server's token, a decided answer holds for
 * everyone for the process's life. In personal sign-in a caller's probe decides for that caller
 * only, for a few minutes: one person's token (another account, a project it cannot see) must
 * not settle the generation for everyone. Failed probes are remembered for `retryAfterMs`.
 */
export function createGenerationChoice(options: GenerationChoiceOptions): GenerationChoice {
  const probe = options.probe ?? ((target) => probeApiGeneration(target));
  const listeners = new Set<(generation: ApiGeneration) => void>();
  const pinned: ProbeResult | undefined =
    options.setting === 'auto'
      ? undefined
      : { generation: options.setting, reason: 'set by GCORE_API_VERSION' };
  const serverAuthorization = options.token ? `APIKey ${options.token}` : undefined;
  const memory = createProbeMemory({
    decidedMs: serverAuthorization ? Infinity : (options.callerDecisionMs ?? 5 * 60_000),
    undecidedMs: options.retryAfterMs ?? 15_000,
    maxEntries: serverAuthorization ? 1 : (options.maxCallers ?? 1000),
  });
  let decided: ApiGeneration | null = pinned?.generation ?? null;

  const run = (authorization: string) => async () => {
    const result = await probe({ url: options.url, authorization });
    const { generation, reason } = result;
    options.writeLine?.(JSON.stringify({ type: 'api-generation', generation, reason }));
    if (serverAuthorization && generation && !decided) {
      decided = generation;
      for (const listener of listeners) listener(generation);
    }
    return result;
  };

  return {
    current: () => decided,
    async decide(callerAuthorization) {
      if (pinned) return pinned;
      if (serverAuthorization) {
        const result = await memory.ask('server', run(serverAuthorization));
        return result.generation ? result : { ...result, reason: NOT_ASKED_YET };
      }
      const authorization = callerAuthorization?.trim();
      if (!authorization) return { generation: null, reason: NO_TOKEN, unreachable: false };
      // Keyed by a digest: the memory never holds a token.
      const key = createHash('sha256').update(authorization).digest('base64url');
      return memory.ask(key, run(authorization));
    },
    onDecided(listener) {
      listeners.add(listener);
    },
  };
}
