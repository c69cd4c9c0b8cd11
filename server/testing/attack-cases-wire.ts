import { type AttackCase, get, JSON_TYPE, V2_KEYS } from './attack-case.ts';

/** What arrives on the socket: JSON bodies only, at most 64 KiB counted while reading, no smuggling. */
export const WIRE_ATTACK_CASES: AttackCase[] = [
  // Bodies: JSON only, 64 KiB counted while reading.
  {
    name: 'a body over 64 KiB by Content-Length',
    kind: 'finding',
    request: () => ({
      method: 'POST',
      target: V2_KEYS,
      headers: { ...JSON_TYPE, 'content-length': String(64 * 1024 + 1) },
      body: '',
    }),
    status: 413,
    reaches: 0,
  },
  {
    name: 'a chunked body over 64 KiB',
    kind: 'finding',
    request: () => ({
      method: 'POST',
      target: V2_KEYS,
      headers: { ...JSON_TYPE, 'transfer-encoding': 'chunked' },
      body: `${'8000\r\n' + 'x'.repeat(0x8000) + '\r\n'}`.repeat(3) + '0\r\n\r\n',
    }),
    status: 413,
    reaches: 0,
  },
  {
    name: 'a text/plain body (no-cors form of CSRF)',
    kind: 'finding',
    request: () => ({
      method: 'POST',
      target: V2_KEYS,
      headers: { 'content-type': 'text/plain' },
      body: '{"name":"x"}',
    }),
    status: 415,
    reaches: 0,
  },
  // Framing that two parsers could read two ways, and headers past any reasonable size.
  {
    name: 'smuggling: Content-Length and Transfer-Encoding',
    kind: 'held',
    request: () => ({
      method: 'POST',
      target: V2_KEYS,
      headers: { ...JSON_TYPE, 'content-length': '4', 'transfer-encoding': 'chunked' },
      body: '0\r\n\r\nGET /cloud/v1/users HTTP/1.1\r\nhost: x\r\n\r\n',
    }),
    status: 400,
    reaches: 0,
  },
  {
    name: 'smuggling: duplicate Content-Length',
    kind: 'held',
    request: () => ({
      method: 'POST',
      target: V2_KEYS,
      headers: { ...JSON_TYPE, 'content-length': '2', 'Content-Length': '40' },
      body: '{}',
    }),
    status: 400,
    reaches: 0,
  },
  {
    name: 'huge headers: 431',
    kind: 'held',
    request: get('/cloud/v1/projects', { 'x-big': 'a'.repeat(20_000) }),
    status: 431,
    reaches: 0,
  },
];
