import { REQUESTED_BY_HEADER } from '../../src/lib/request-header.ts';
import type { RawResponse } from './send-raw-request.ts';
import { type AttackCase, V2_KEYS } from './attack-case.ts';

const namesTheHeader = (response: RawResponse) => {
  const answer = JSON.parse(response.body) as { exception_class?: string; message?: string };
  if (answer.exception_class !== 'MissingRequestHeader') {
    throw new Error(`refused as ${answer.exception_class}, not for the missing header`);
  }
  if (!answer.message?.toLowerCase().includes(REQUESTED_BY_HEADER)) {
    throw new Error(`the message does not name ${REQUESTED_BY_HEADER}: ${answer.message}`);
  }
};

/**
 * Issue 19, finding 7: browsers send `Sec-Fetch-*` to secure origins only, and no `Origin` on a
 * GET an `<img>` or a `no-cors` fetch makes. To a dashboard served over plain HTTP on a
 * non-loopback host, a cross-site read then looks like the operator's own; only the dashboard's
 * header, which no such request can carry, tells them apart.
 */
export const REQUESTED_BY_ATTACK_CASES: AttackCase[] = [
  {
    name: 'issue 19 #7: a cross-site <img> to a plain-HTTP origin (no Sec-Fetch-*, no Origin)',
    kind: 'finding',
    withoutRequestedBy: true,
    request: () => ({
      method: 'GET',
      target: '/cloud/v1/projects',
      headers: { accept: 'image/*' },
    }),
    status: 403,
    reaches: 0,
    check: namesTheHeader,
  },
  {
    name: 'issue 19 #7: a key list read with another value of the header',
    kind: 'finding',
    withoutRequestedBy: true,
    request: () => ({
      method: 'GET',
      target: `${V2_KEYS}?project_id=1`,
      headers: { [REQUESTED_BY_HEADER]: 'evil-page' },
    }),
    status: 403,
    reaches: 0,
    check: namesTheHeader,
  },
  {
    name: 'issue 19 #7: a JSON create without the header, audited',
    kind: 'finding',
    withoutRequestedBy: true,
    request: () => ({
      method: 'POST',
      target: V2_KEYS,
      headers: { 'content-type': 'application/json' },
      body: '{"name":"no-header","project_id":1}',
    }),
    status: 403,
    reaches: 0,
    audit: { action: 'create', status: 403 },
    check: namesTheHeader,
  },
  {
    name: 'issue 19 #7: the generation question without the header (no probe)',
    kind: 'finding',
    withoutRequestedBy: true,
    request: () => ({ method: 'GET', target: '/__app/api-generation' }),
    status: 403,
    reaches: 0,
    check: namesTheHeader,
  },
];
