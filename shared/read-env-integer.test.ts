import { describe, expect, it } from 'vitest';
import { MS_RULE, PORT_RULE, readEnvInteger } from './read-env-integer';

describe('readEnvInteger', () => {
  it('falls back when unset or blank', () => {
    expect(readEnvInteger({}, 'GCORE_API_TIMEOUT_MS', MS_RULE, undefined)).toBeUndefined();
    expect(readEnvInteger({ PORT: ' ' }, 'PORT', PORT_RULE, 8080)).toBe(8080);
  });

  it('takes whole numbers within the rule', () => {
    expect(readEnvInteger({ T: '5000' }, 'T', MS_RULE, undefined)).toBe(5000);
    expect(readEnvInteger({ PORT: '0' }, 'PORT', PORT_RULE, 8080)).toBe(0);
  });

  it.each(['5s', '-1', '99', '1.5', '600001'])(
    'refuses %j for milliseconds, naming the variable',
    (value) => {
      expect(() => readEnvInteger({ T_MS: value }, 'T_MS', MS_RULE, 1)).toThrow(/T_MS must be/);
    },
  );

  it.each(['eighty', '65536', '-1'])('refuses the port %j', (value) => {
    expect(() => readEnvInteger({ PORT: value }, 'PORT', PORT_RULE, 1)).toThrow(/PORT must be/);
  });
});
