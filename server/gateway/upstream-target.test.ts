import { describe, expect, it } from 'vitest';
import { upstreamOrigin, upstreamPath } from './upstream-target.ts';

/** What the gateway sent when it built a URL per call: the reference behaviour. */
function throughUrl(path: string, query: string): string {
  const url = new URL(`${path}${query ? `?${query}` : ''}`, 'https://api.example.com/base/');
  return `${url.pathname}${url.search}`;
}

describe('upstreamPath', () => {
  it.each([
    ['/cloud/v2/inference/api_keys', 'project_id=1&limit=25&offset=0'],
    ['/cloud/v3/inference/1/api_keys', ''],
    ['/cloud/v1/projects', 'order_by=name.asc&limit=1000'],
    ['/cloud/v2/inference/api_keys', 'name=a%20b&limit=1'],
    ['/cloud/v2/inference/api_keys', 'name=a b'],
    ['/cloud/v2/inference/api_keys', 'name="x"&order_by=<script>'],
    ['/cloud/v2/inference/api_keys', "name='x'"],
    ['/cloud/v2/inference/api_keys', 'name=ключ'],
    ['/cloud/v2/inference/api_keys', 'limit=1#fragment'],
    ['/cloud/v2/inference/api_keys', 'limit=1\tx'],
    ['/cloud/v2/inference/api_keys', 'a=`{|}`^[]\\'],
  ])('%s ? %s goes upstream as a URL would send it', (path, query) => {
    expect(upstreamPath(path, query)).toBe(throughUrl(path, query));
  });
});

describe('upstreamOrigin', () => {
  it('keeps the scheme, host and port, never the configured path', () => {
    expect(upstreamOrigin('https://api.example.com/base/')).toEqual({
      protocol: 'https:',
      hostname: 'api.example.com',
      port: undefined,
    });
    expect(upstreamOrigin('http://127.0.0.1:4604')).toMatchObject({
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 4604,
    });
  });

  it('an IPv6 host without its brackets, as node:http wants it', () => {
    expect(upstreamOrigin('http://[::1]:8080').hostname).toBe('::1');
  });
});
