import { attackRequest, type AttackCase } from '../server/testing/attack-case';
import { ATTACK_CASES } from '../server/testing/attack-cases';
import { sendRawRequest } from '../server/testing/send-raw-request';
import { REQUESTED_BY } from '../src/lib/request-header';
import { expect, test } from './fixtures';

/**
 * The refusals of the attack table (server/testing/attack-cases.ts) against a running server
 * (dev or the built production one), with the real sandbox behind it: the sandbox's own request
 * log proves nothing got through.
 */
export function refusalsAgainst(
  server: 'dev' | 'production',
  port: number,
  /**
   * Personal sign-in: the signed-in user's token, sent with every attack as their page would,
   * since the generation is decided per caller (the v2/v3 rows).
   */
  authorization?: string,
) {
  if (authorization) {
    test.beforeAll(async ({ request }) => {
      const url = `http://127.0.0.1:${port}/__app/api-generation`;
      const answer = await request.get(url, { headers: { ...REQUESTED_BY, authorization } });
      expect(await answer.json()).toMatchObject({ generation: expect.any(String) });
    });
  }
  // These servers speak v2 with no SSO proxy: the v3 and sso rows need servers of their own.
  const refusals = ATTACK_CASES.filter(
    (attack) => attack.reaches === 0 && !attack.mood && (attack.server ?? 'v2') === 'v2',
  );
  for (const attack of refusals) {
    test(`${attack.kind}: ${attack.name}`, async ({ sandbox }) => {
      const request = attackRequest(attack, port);
      const headers = authorization ? { authorization, ...request.headers } : request.headers;
      const response = await sendRawRequest(port, { timeoutMs: 5000, ...request, headers });
      expect(response.status).toBe(statusFor(attack, server));
      expect(await sandbox.requests(), 'nothing reached the sandbox').toEqual([]);
    });
  }
}

function statusFor(attack: AttackCase, server: 'dev' | 'production'): number {
  return typeof attack.status === 'number' ? attack.status : attack.status[server];
}
