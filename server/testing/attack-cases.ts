import { sendRawRequest } from './send-raw-request.ts';
import { attackRequest, type AttackCase } from './attack-case.ts';
import { ANSWER_ATTACK_CASES } from './attack-cases-answers.ts';
import { AUDIT_ATTACK_CASES } from './attack-cases-audit.ts';
import { BODY_ATTACK_CASES } from './attack-cases-bodies.ts';
import { CROSS_SITE_ATTACK_CASES } from './attack-cases-cross-site.ts';
import { PATH_ATTACK_CASES } from './attack-cases-paths.ts';
import { REQUESTED_BY_ATTACK_CASES } from './attack-cases-requested-by.ts';
import { TASK_ATTACK_CASES } from './attack-cases-tasks.ts';
import { UPSTREAM_ATTACK_CASES } from './attack-cases-upstream.ts';
import { WIRE_ATTACK_CASES } from './attack-cases-wire.ts';
import type { FakeUpstream } from './fake-upstream.ts';

/**
 * The attacks issues 10 and 19 report (`finding`) and the ones that already held (`held`), as one
 * table, one file per kind of attack. Each is sent over a raw socket to the dev server and to the
 * production server alike (attacks-dev.test.ts, attacks-production.test.ts).
 */
export const ATTACK_CASES: AttackCase[] = [
  ...PATH_ATTACK_CASES,
  ...WIRE_ATTACK_CASES,
  ...CROSS_SITE_ATTACK_CASES,
  ...UPSTREAM_ATTACK_CASES,
  ...BODY_ATTACK_CASES,
  ...AUDIT_ATTACK_CASES,
  ...TASK_ATTACK_CASES,
  ...ANSWER_ATTACK_CASES,
  ...REQUESTED_BY_ATTACK_CASES,
];

/** Sends `attack` and returns the answer, waiting for the fake upstream to settle. */
export async function runAttack(attack: AttackCase, port: number, upstream: FakeUpstream) {
  upstream.mood = attack.mood ?? 'fine';
  const before = upstream.seen.length;
  const response = await sendRawRequest(port, {
    timeoutMs: 5000,
    ...attackRequest(attack, port),
  }).finally(() => (upstream.mood = 'fine'));
  const calls = upstream.seen.slice(before);
  return { response, reached: calls.length, bodies: calls.map((call) => call.body) };
}
