import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProbeResult, ProbeTarget } from './api-generation';
import { createGenerationChoice, type GenerationChoiceOptions } from './api-generation-choice';

const TOKEN = 'server-token-51c0';
const REFUSED: ProbeResult = {
  generation: null,
  reason: 'the projects list answered HTTP 401',
  unreachable: false,
};
const V2: ProbeResult = {
  generation: 'v2',
  reason: 'no v3 key list (404), and the v2 one answered',
};
const V3: ProbeResult = { generation: 'v3', reason: 'the v3 key list answered' };

/** A probe answering per Authorization, counting who it asked for. */
function fakeProbe(answers: Record<string, ProbeResult>) {
  const asked: string[] = [];
  const probe = (target: ProbeTarget) => {
    asked.push(target.authorization ?? '-');
    return Promise.resolve(answers[target.authorization ?? ''] ?? REFUSED);
  };
  return { asked, probe };
}

function choiceWith(options: Partial<GenerationChoiceOptions>) {
  const lines: string[] = [];
  const choice = createGenerationChoice({
    setting: 'auto',
    url: 'https://api.example',
    token: undefined,
    writeLine: (line) => lines.push(line),
    ...options,
  });
  return { choice, lines };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the generation choice with the server’s token', () => {
  it('remembers a failed probe for 15 s: 20 callers cause one probe, not 20', async () => {
    const { asked, probe } = fakeProbe({});
    const { choice } = choiceWith({ token: TOKEN, probe });
    for (let i = 0; i < 20; i++) await choice.decide(undefined);
    expect(asked).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(14_999);
    await choice.decide(undefined);
    expect(asked).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await choice.decide(undefined);
    expect(asked).toHaveLength(2);
  });

  it('asks once at a time, whoever calls and with whatever Authorization', async () => {
    const { asked, probe } = fakeProbe({});
    const { choice } = choiceWith({ token: TOKEN, probe });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => choice.decide(i % 2 ? `APIKey caller-${i}` : undefined)),
    );
    expect(asked).toEqual([`APIKey ${TOKEN}`]);
  });

  it('tells callers a generic reason; only the operator’s log says why, never with the token', async () => {
    const { probe } = fakeProbe({});
    const { choice, lines } = choiceWith({ token: TOKEN, probe });
    for (const caller of [undefined, 'APIKey someone']) {
      const result = await choice.decide(caller);
      expect(result.generation).toBeNull();
      expect(result.reason).toBe('the API could not be asked yet');
    }
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      type: 'api-generation',
      generation: null,
      reason: 'the projects list answered HTTP 401',
    });
    expect(lines.join('\n')).not.toContain(TOKEN);
  });

  it('keeps a decision for the process’s life, for everyone, and tells the listeners once', async () => {
    const { asked, probe } = fakeProbe({ [`APIKey ${TOKEN}`]: V3 });
    const { choice } = choiceWith({ token: TOKEN, probe });
    const decided = vi.fn();
    choice.onDecided(decided);
    expect(choice.current()).toBeNull();
    expect(await choice.decide(undefined)).toMatchObject({ generation: 'v3' });
    await vi.advanceTimersByTimeAsync(24 * 3600_000);
    expect(await choice.decide('APIKey other')).toMatchObject({ generation: 'v3' });
    expect(choice.current()).toBe('v3');
    expect(asked).toHaveLength(1);
    expect(decided.mock.calls).toEqual([['v3']]);
  });
});

describe('the generation choice with personal sign-in', () => {
  const A = 'APIKey alice-token';
  const B = 'APIKey bob-token';

  it('decides for the caller whose token asked, never for everyone', async () => {
    const { probe } = fakeProbe({ [A]: V2, [B]: V3 });
    const { choice, lines } = choiceWith({ probe });
    const decided = vi.fn();
    choice.onDecided(decided);
    expect(await choice.decide(A)).toMatchObject({ generation: 'v2' });
    expect(await choice.decide(B)).toMatchObject({ generation: 'v3' });
    expect(await choice.decide(undefined)).toMatchObject({ generation: null });
    // No page-wide answer: the HTML cannot say, each page asks with its own token.
    expect(choice.current()).toBeNull();
    expect(decided).not.toHaveBeenCalled();
    expect(lines.join('\n')).not.toMatch(/alice|bob/);
  });

  it('keeps a caller’s decision for 5 minutes, then asks again', async () => {
    const { asked, probe } = fakeProbe({ [A]: V3 });
    const { choice } = choiceWith({ probe });
    await Promise.all([choice.decide(A), choice.decide(A)]);
    await vi.advanceTimersByTimeAsync(5 * 60_000 - 1);
    await choice.decide(A);
    expect(asked).toEqual([A]);
    await vi.advanceTimersByTimeAsync(1);
    await choice.decide(A);
    expect(asked).toEqual([A, A]);
  });

  it('tells a caller why their own probe failed, and remembers it for 15 s', async () => {
    const { asked, probe } = fakeProbe({});
    const { choice } = choiceWith({ probe });
    expect(await choice.decide(A)).toMatchObject({ reason: /HTTP 401/ });
    await vi.advanceTimersByTimeAsync(14_999);
    await choice.decide(A);
    expect(asked).toEqual([A]);
    await vi.advanceTimersByTimeAsync(1);
    await choice.decide(A);
    expect(asked).toEqual([A, A]);
  });

  it('remembers a bounded number of callers, forgetting the oldest first', async () => {
    const { asked, probe } = fakeProbe({});
    const { choice } = choiceWith({ probe, maxCallers: 2 });
    for (const caller of [A, B, 'APIKey carol', A]) await choice.decide(caller);
    expect(asked).toEqual([A, B, 'APIKey carol', A]);
  });

  it('asks nothing without a token', async () => {
    const { asked, probe } = fakeProbe({});
    const { choice } = choiceWith({ probe });
    expect(await choice.decide('  ')).toMatchObject({ generation: null, unreachable: false });
    expect(asked).toEqual([]);
  });
});

describe('a pinned generation', () => {
  it('is never probed', async () => {
    const { asked, probe } = fakeProbe({});
    const { choice } = choiceWith({ setting: 'v2', token: TOKEN, probe });
    expect(choice.current()).toBe('v2');
    expect(await choice.decide('APIKey x')).toEqual({
      generation: 'v2',
      reason: 'set by GCORE_API_VERSION',
    });
    expect(asked).toEqual([]);
  });
});
