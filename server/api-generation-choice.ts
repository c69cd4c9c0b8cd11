import {
  probeApiGeneration,
  type ApiGeneration,
  type ApiGenerationSetting,
  type ProbeResult,
  type ProbeTarget,
} from './api-generation.ts';

type Probe = (target: ProbeTarget) => Promise<ProbeResult>;

export type GenerationChoice = {
  /** The generation in use, or null while `auto` has not been able to ask the API yet. */
  current(): ApiGeneration | null;
  /**
   * The decided generation, probing first when still undecided. With a server token the probe
   * uses it; without one (personal sign-in) it uses the caller's own `Authorization`.
   */
  decide(callerAuthorization: string | undefined): Promise<ProbeResult>;
  /** Called once, when `auto` decides (production re-renders its HTML with the meta tag). */
  onDecided(listener: (generation: ApiGeneration) => void): void;
};

export type GenerationChoiceOptions = {
  setting: ApiGenerationSetting;
  /** The API's origin. */
  url: string;
  /** The server's own token; undefined in personal sign-in mode. */
  token: string | undefined;
  probe?: Probe;
  /** One JSON line per decision: never the token. */
  writeLine?: (line: string) => void;
};

/**
 * `GCORE_API_VERSION` as the servers use it. A decided answer is kept for the process's life:
 * the generation is a property of the API, not of whoever asked, so one caller's token settles
 * it for everyone. Undecided answers are not kept: the next call asks again.
 */
export function createGenerationChoice(options: GenerationChoiceOptions): GenerationChoice {
  const probe = options.probe ?? ((target) => probeApiGeneration(target));
  const listeners = new Set<(generation: ApiGeneration) => void>();
  let decided: ProbeResult | undefined =
    options.setting === 'auto'
      ? undefined
      : { generation: options.setting, reason: 'set by GCORE_API_VERSION' };
  // Callers with the same credentials share one probe: a page load's parallel calls ask once.
  const inFlight = new Map<string, Promise<ProbeResult>>();

  const settle = (result: ProbeResult): ProbeResult => {
    if (decided?.generation || !result.generation) return decided ?? result;
    decided = result;
    options.writeLine?.(
      JSON.stringify({
        type: 'api-generation',
        generation: result.generation,
        reason: result.reason,
      }),
    );
    for (const listener of listeners) listener(result.generation);
    return result;
  };

  return {
    current: () => decided?.generation ?? null,
    async decide(callerAuthorization) {
      if (decided) return decided;
      const authorization = options.token ? `APIKey ${options.token}` : callerAuthorization?.trim();
      if (!authorization) {
        return {
          generation: null,
          reason: 'no token to ask the API with yet: the generation is detected at sign-in',
          unreachable: false,
        };
      }
      let pending = inFlight.get(authorization);
      if (!pending) {
        pending = probe({ url: options.url, authorization }).finally(() =>
          inFlight.delete(authorization),
        );
        inFlight.set(authorization, pending);
      }
      return settle(await pending);
    },
    onDecided(listener) {
      listeners.add(listener);
    },
  };
}
