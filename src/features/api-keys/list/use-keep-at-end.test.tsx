import { act, fireEvent, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useKeepAtEnd } from './use-keep-at-end';

const WINDOW_PX = 800;
let pageHeight = 10_000;

function pageScrolls(y: number) {
  Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
  fireEvent.scroll(window);
}

beforeEach(() => {
  pageHeight = 10_000;
  vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockImplementation(() => pageHeight);
  vi.stubGlobal('innerHeight', WINDOW_PX);
  vi.stubGlobal(
    'scrollTo',
    vi.fn(({ top }: { top: number }) => pageScrolls(top - WINDOW_PX)),
  );
  Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('useKeepAtEnd', () => {
  it('takes the page to its new bottom when rows measured at the bottom make it taller', () => {
    const { rerender } = renderHook(({ size }) => useKeepAtEnd(size), {
      initialProps: { size: 9_000 },
    });
    // End: the browser goes to the bottom; the last cards then measure taller than guessed.
    act(() => pageScrolls(pageHeight - WINDOW_PX));
    pageHeight = 10_600;
    rerender({ size: 9_600 });

    expect(window.scrollTo).toHaveBeenCalledWith({ top: 10_600 });
    expect(window.scrollY + WINDOW_PX).toBe(pageHeight);
  });

  it('leaves a page scrolled elsewhere where it is', () => {
    const { rerender } = renderHook(({ size }) => useKeepAtEnd(size), {
      initialProps: { size: 9_000 },
    });
    act(() => pageScrolls(4_000));
    pageHeight = 10_600;
    rerender({ size: 9_600 });

    expect(window.scrollTo).not.toHaveBeenCalled();
    expect(window.scrollY).toBe(4_000);
  });
});
