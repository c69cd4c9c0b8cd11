import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { injectMeta } from './html-meta';
import { readProductionConfig } from './production-config';
import { loadStaticAssets, reloadHtml } from './static-assets';

describe('reloadHtml', () => {
  it('re-renders the pages with new meta tags and a new ETag, leaving other files alone', async () => {
    const root = await mkdtemp(join(tmpdir(), 'reload-html-'));
    await writeFile(join(root, 'index.html'), '<html><head></head><body></body></html>');
    await writeFile(join(root, 'app.js'), 'console.log(1)');
    const chosen: { version?: string } = {};
    const transform = (html: string) => injectMeta(html, { 'gcore-api-version': chosen.version });
    const assets = await loadStaticAssets(root, transform);
    const before = assets.get('/index.html');
    const script = assets.get('/app.js');
    chosen.version = 'v3';
    await reloadHtml(assets, root, transform);
    expect(assets.get('/index.html')?.body.toString()).toContain(
      '<meta name="gcore-api-version" content="v3">',
    );
    expect(assets.get('/index.html')?.etag).not.toBe(before?.etag);
    expect(assets.get('/app.js')).toBe(script);
    await rm(root, { recursive: true, force: true });
  });
});

describe('the generation settings of production', () => {
  it('reads GCORE_API_VERSION (auto by default) and GCORE_TASK_POLL_MS', () => {
    const config = readProductionConfig({ GCORE_TASK_POLL_MS: '200' }, ['--sandbox']);
    expect(config).toMatchObject({ apiVersion: 'auto', taskPollMs: 200 });
    expect(readProductionConfig({ GCORE_API_VERSION: 'v3' }, ['--sandbox']).apiVersion).toBe('v3');
  });

  it('stops at start-up on a typo, naming the variable', () => {
    expect(() => readProductionConfig({ GCORE_API_VERSION: 'v4' }, ['--sandbox'])).toThrow(
      /GCORE_API_VERSION/,
    );
    expect(() => readProductionConfig({ GCORE_TASK_POLL_MS: '3' }, ['--sandbox'])).toThrow(
      /GCORE_TASK_POLL_MS/,
    );
  });
});
