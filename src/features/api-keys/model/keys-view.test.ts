import { describe, expect, it } from 'vitest';
import { describeRange, keysViewUpdate, readKeysView } from './keys-view';

describe('readKeysView', () => {
  it('reads a full view from the URL', () => {
    const view = readKeysView(
      new URLSearchParams('project=2&page=3&size=100&sort=name.asc&q=ci&expiring=1&key=abc'),
    );
    expect(view).toEqual({
      projectId: 2,
      page: 3,
      pageSize: 100,
      sort: { field: 'name', direction: 'asc' },
      filter: 'ci',
      expiring: true,
      keyId: 'abc',
    });
  });

  it('turns the expiring-soon filter on and off in the URL, back to page 1', () => {
    expect(keysViewUpdate({ expiring: true })).toEqual({ expiring: '1', page: null });
    expect(keysViewUpdate({ expiring: false })).toEqual({ expiring: null, page: null });
    expect(readKeysView(new URLSearchParams('expiring=yes')).expiring).toBe(false);
  });

  it('falls back to defaults for anything malformed', () => {
    const view = readKeysView(new URLSearchParams('project=x&page=0&size=7&sort=secret.asc'));
    expect(view).toMatchObject({
      projectId: null,
      page: 1,
      pageSize: 25,
      sort: { field: 'created_at', direction: 'desc' },
      filter: '',
      keyId: null,
    });
  });
});

describe('keysViewUpdate', () => {
  it('goes back to page 1 when the project, size, sort or filter changes', () => {
    expect(keysViewUpdate({ filter: 'x' })).toEqual({ q: 'x', page: null });
    expect(keysViewUpdate({ sort: { field: 'name', direction: 'desc' } })).toEqual({
      sort: 'name.desc',
      page: null,
    });
    expect(keysViewUpdate({ projectId: 2 })).toEqual({ project: '2', page: null });
  });

  it('keeps page 1 out of the URL and writes other pages', () => {
    expect(keysViewUpdate({ page: 1 })).toEqual({ page: null });
    expect(keysViewUpdate({ page: 4 })).toEqual({ page: '4' });
  });
});

describe('describeRange', () => {
  it.each([
    [2, 50, 250, '51–100 of 250'],
    [5, 50, 250, '201–250 of 250'],
    [3, 100, 250, '201–250 of 250'],
    [1, 25, 0, '0 of 0'],
    [9, 25, 30, '30–30 of 30'],
  ])('page %i of size %i over %i reads %s', (page, size, count, text) => {
    expect(describeRange(page, size, count)).toBe(text);
  });
});
