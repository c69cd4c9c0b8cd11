import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useUrlFact, useUrlSearch } from './use-url-search';

const isActivity = (search: URLSearchParams) => search.get('view') === 'activity';

afterEach(() => window.history.replaceState(null, '', '/'));

describe('useUrlFact', () => {
  it('re-renders its reader when its fact changes, not when the rest of the URL does', () => {
    let renders = 0;
    const fact = renderHook(() => {
      renders += 1;
      return useUrlFact(isActivity);
    });
    const [, setSearch] = renderHook(() => useUrlSearch()).result.current;

    act(() => setSearch({ q: 'generated-key-0' }, 'replace'));
    act(() => setSearch({ q: 'generated-key-09' }, 'replace'));
    expect(renders).toBe(1);
    expect(fact.result.current).toBe(false);

    act(() => setSearch({ view: 'activity' }));
    expect(fact.result.current).toBe(true);
    expect(renders).toBe(2);
  });
});
