import { describe, expect, it } from 'vitest';
import { checkTarget, pathProblem } from './canonical-target';

describe('checkTarget', () => {
  it.each([
    ['/cloud/v1/projects?limit=1000&order_by=name.asc', '/cloud/v1/projects'],
    ['/', '/'],
    ['/node_modules/.vite/deps/react.js?v=1', '/node_modules/.vite/deps/react.js'],
    ['/@id/__x00__virtual:x', '/@id/__x00__virtual:x'],
    ['/some%20file.txt', '/some%20file.txt'],
    ['/cloud/v1/projects/', '/cloud/v1/projects/'],
    ['/cloud/v2/a.b/c..d', '/cloud/v2/a.b/c..d'],
  ])('accepts %s, deciding on %s', (raw, path) => {
    expect(checkTarget(raw)).toMatchObject({ ok: true, target: { path } });
  });

  it.each([
    ['/./cloud/v1/x', 'a dot segment'],
    ['/x/../cloud/v1/projects', 'a dot segment'],
    ['/cloud/..;/x', 'a dot segment'],
    ['/cloud/v1/..%2f..%2fiam', 'escaped'],
    ['/%63loud/v1/projects', 'escaped'],
    ['/cloud/%2e%2e/x', 'escaped'],
    ['/cloud/%252e%252e/x', 'escaped'],
    ['/cloud/v1%5cprojects', 'escaped'],
    ['/cloud/v1\\..\\projects', 'backslash'],
    ['/cloud//v1/projects', 'an empty segment'],
    ['//evil.example/x', 'an empty segment'],
    ['/cloud/%zz', 'malformed'],
    ['/cloud/%4', 'malformed'],
    ['http://evil.example/cloud/v1/projects', 'not a path'],
    ['*', 'not a path'],
  ])('refuses %s (%s)', (raw, problem) => {
    const verdict = checkTarget(raw);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.problem).toContain(problem);
  });

  it('never looks at the query, which the route table filters instead', () => {
    expect(checkTarget('/x?a=%2e%2e/..')).toMatchObject({ ok: true });
    expect(pathProblem('/cloud/v2/inference/api_keys')).toBeUndefined();
  });
});
