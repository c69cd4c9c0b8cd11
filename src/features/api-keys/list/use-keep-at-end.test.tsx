import { act, fireEvent, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useKeepAtEnd } from './use-keep-at-end';

const WINDOW_PX = 800;
let pageHeight = 10_000;

function pageScrollsTo(y: number) {
  Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
  fireEvent.scroll(document);
}
/** The browser's scroll stops where it is (a smooth End cut short, a wheel at rest). */
const scrollStops = () => act(() => void document.dispatchEvent(new Event('scrollend')));
const bottom = () => pageHeight - WINDOW_PX;

function renderAtSize() {
  const hook = renderHook(({ size }) => useKeepAtEnd(size), { initialProps: { size: 9_000 } });
  /** The last rows measure taller than guessed: the page grows by `px`. */
  const rowsGrow = (px: number) => {
    pageHeight += px;
    hook.rerender({ size: 9_000 + px });
  };
  return rowsGrow;
}

beforeEach(() => {
  pageHeight = 10_000;
  vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockImplementation(() => pageHeight);
  vi.stubGlobal('innerHeight', WINDOW_PX);
  vi.stubGlobal(
    'scrollTo',
    vi.fn(({ top }: { top: number }) => pageScrollsTo(Math.min(top, pageHeight) - WINDOW_PX)),
  );
  Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('useKeepAtEnd', () => {
  it('after End, takes the page to its new bottom when the rows measured there make it taller', () => {
    const rowsGrow = renderAtSize();
    fireEvent.keyDown(document.body, { key: 'End' });
    act(() => pageScrollsTo(bottom()));
    rowsGrow(600);

    expect(window.scrollY).toBe(bottom());
    expect(window.scrollY).toBe(9_800);
  });

  it('after End, finishes the scroll when the smooth one stops short of the bottom', () => {
    renderAtSize();
    fireEvent.keyDown(document.body, { key: 'End' });
    act(() => pageScrollsTo(6_000));
    scrollStops();

    expect(window.scrollY).toBe(bottom());
  });

  it('follows the bottom once a scroll of any kind stops there', () => {
    const rowsGrow = renderAtSize();
    act(() => pageScrollsTo(bottom()));
    scrollStops();
    rowsGrow(300);

    expect(window.scrollY).toBe(bottom());
  });

  it('stops following at the next thing the person does', () => {
    const rowsGrow = renderAtSize();
    fireEvent.keyDown(document.body, { key: 'End' });
    act(() => pageScrollsTo(bottom()));
    fireEvent.wheel(document.body, { deltaY: -100 });
    act(() => pageScrollsTo(9_000));
    rowsGrow(600);
    scrollStops();

    expect(window.scrollTo).not.toHaveBeenCalled();
    expect(window.scrollY).toBe(9_000);
  });

  it('leaves End to a text field, and Ctrl+End or an End a row used to the rows', () => {
    const rowsGrow = renderAtSize();
    const field = document.body.appendChild(document.createElement('input'));
    fireEvent.keyDown(field, { key: 'End' });
    fireEvent.keyDown(document.body, { key: 'End', ctrlKey: true });
    const row = document.body.appendChild(document.createElement('div'));
    row.addEventListener('keydown', (event) => event.preventDefault());
    fireEvent.keyDown(row, { key: 'End' });
    act(() => pageScrollsTo(4_000));
    rowsGrow(600);
    scrollStops();

    expect(window.scrollTo).not.toHaveBeenCalled();
    expect(window.scrollY).toBe(4_000);
    field.remove();
    row.remove();
  });
});
