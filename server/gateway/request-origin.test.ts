import { describe, expect, it } from 'vitest';
import { devOriginPolicy } from './dev-origin-policy';
import { REQUESTED_BY, REQUESTED_BY_HEADER } from '../../src/lib/request-header';
import { crossSiteProblem, notFromThePage, originPolicy } from './request-origin';

const policy = originPolicy(8080, ['https://keys.example.com']);

describe('originPolicy', () => {
  it.each([
    '127.0.0.1:8080',
    'localhost:8080',
    '[::1]:8080',
    'keys.example.com',
    'KEYS.example.com:443',
  ])('serves Host %s', (host) => expect(policy.isAllowedHost(host)).toBe(true));

  it.each(['evil.example', '127.0.0.1:8081', 'keys.example.com.evil.example', ''])(
    'refuses Host %j',
    (host) => expect(policy.isAllowedHost(host)).toBe(false),
  );
});

describe('crossSiteProblem', () => {
  const check = (method: string, headers: Record<string, string>) =>
    crossSiteProblem(method, { host: 'keys.example.com', ...headers }, policy);

  it.each([
    ['POST', { 'sec-fetch-site': 'same-origin' }],
    ['POST', { origin: 'https://keys.example.com' }],
    ['DELETE', { origin: 'http://127.0.0.1:8080' }],
    ['GET', { 'sec-fetch-site': 'none' }],
    // curl or a script on the operator's side: no browser, no ambient credential to abuse.
    ['POST', {}],
  ])('lets %s with %j through', (method, headers) => {
    expect(check(method, headers)).toBeUndefined();
  });

  it.each([
    ['POST', { 'sec-fetch-site': 'cross-site' }],
    ['POST', { 'sec-fetch-site': 'same-site' }],
    ['POST', { 'sec-fetch-site': 'none' }],
    ['GET', { 'sec-fetch-site': 'cross-site' }],
    ['POST', { origin: 'http://keys.example.com' }],
    ['PATCH', { origin: 'null' }],
    ['GET', { origin: 'http://evil.example' }],
  ])('refuses %s with %j', (method, headers) => {
    expect(check(method, headers)).toMatch(/another (site|origin)/);
  });
});

describe('notFromThePage', () => {
  const check = (method: string, headers: Record<string, string>) =>
    notFromThePage(method, { host: 'keys.example.com', ...headers }, policy);

  it.each([
    ['GET', { 'sec-fetch-site': 'same-origin', ...REQUESTED_BY }],
    // A script on the operator's side sends the header as the page does.
    ['POST', { ...REQUESTED_BY }],
  ])('lets %s with %j through', (method, headers) => {
    expect(check(method, headers)).toBeUndefined();
  });

  it.each([
    // A cross-site <img> or no-cors read of a plain-HTTP origin: no Sec-Fetch-*, no Origin.
    ['GET', {}],
    ['GET', { [REQUESTED_BY_HEADER]: 'someone-else' }],
    ['POST', { 'sec-fetch-site': 'same-origin' }],
  ])('refuses %s with %j, naming the header the page sends', (method, headers) => {
    expect(check(method, headers)).toMatchObject({
      status: 403,
      exceptionClass: 'MissingRequestHeader',
      message: expect.stringContaining(`${REQUESTED_BY_HEADER}: gcore-keys-dashboard`) as unknown,
    });
  });

  it('refuses a cross-site call as such, header or not', () => {
    expect(check('POST', { 'sec-fetch-site': 'cross-site', ...REQUESTED_BY })).toMatchObject({
      exceptionClass: 'CrossSiteRequest',
    });
  });
});

describe('devOriginPolicy', () => {
  it('serves loopback and the hosts Vite allows, never any host for the API', () => {
    const dev = devOriginPolicy(['.example.test']);
    expect(dev.isAllowedHost('localhost:5173')).toBe(true);
    expect(dev.isAllowedHost('app.example.test:5173')).toBe(true);
    expect(dev.isAllowedHost('evil.example')).toBe(false);
    expect(devOriginPolicy(true).isAllowedHost('evil.example')).toBe(false);
    expect(dev.isOwnOrigin('http://localhost:5173', 'localhost:5173')).toBe(true);
    expect(dev.isOwnOrigin('http://localhost:5174', 'localhost:5173')).toBe(false);
  });
});
