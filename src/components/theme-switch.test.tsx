import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolvedTheme, THEME_STORAGE_KEY } from '../lib/theme';
import { ThemeSwitch } from './theme-switch';

const root = document.documentElement;
const radio = (name: string) => screen.getByRole('radio', { name });

beforeEach(() => {
  localStorage.clear();
  delete root.dataset.theme;
});
afterEach(() => {
  localStorage.clear();
  delete root.dataset.theme;
});

describe('ThemeSwitch', () => {
  it('is a labelled radio group that starts on System and leaves the theme to the system', () => {
    render(<ThemeSwitch />);
    expect(screen.getByRole('group', { name: 'Theme' })).toBeInTheDocument();
    expect(radio('System')).toBeChecked();
    expect(root).not.toHaveAttribute('data-theme');
  });

  it('applies and remembers a choice made by keyboard alone', async () => {
    const user = userEvent.setup();
    render(<ThemeSwitch />);
    await user.tab();
    expect(radio('System')).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(radio('Light')).toBeChecked();
    expect(root.dataset.theme).toBe('light');
    await user.keyboard('{ArrowRight}');
    expect(radio('Dark')).toBeChecked();
    expect(root.dataset.theme).toBe('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
  });

  it('restores the remembered choice on the next visit', () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    render(<ThemeSwitch />);
    expect(radio('Dark')).toBeChecked();
    expect(root.dataset.theme).toBe('dark');
  });

  it('goes back to following the system, forgetting the pinned theme', async () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'light');
    const user = userEvent.setup();
    render(<ThemeSwitch />);
    await user.click(radio('System'));
    expect(root).not.toHaveAttribute('data-theme');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
  });

  it('ignores a stored value it does not know', () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'sepia');
    render(<ThemeSwitch />);
    expect(radio('System')).toBeChecked();
    expect(root).not.toHaveAttribute('data-theme');
  });

  it('follows a choice made in another tab', () => {
    render(<ThemeSwitch />);
    act(() => {
      localStorage.setItem(THEME_STORAGE_KEY, 'dark');
      window.dispatchEvent(new StorageEvent('storage', { key: THEME_STORAGE_KEY }));
    });
    expect(radio('Dark')).toBeChecked();
    expect(root.dataset.theme).toBe('dark');
  });

  it('still switches when storage is blocked', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const user = userEvent.setup();
    render(<ThemeSwitch />);
    await user.click(radio('Dark'));
    expect(root.dataset.theme).toBe('dark');
  });

  it.each(['light', 'dark'] as const)('has no axe violations in the %s theme', async (theme) => {
    localStorage.setItem(THEME_STORAGE_KEY, theme);
    const { container } = render(<ThemeSwitch />);
    // jsdom does no layout, so colour contrast is checked by src/lib/theme-contrast.test.ts.
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations).toEqual([]);
  });
});

describe('resolvedTheme', () => {
  it('is the pinned theme, or the system preference for System', () => {
    const matchMedia = vi.fn((query: string) => ({ matches: query.includes('dark') }));
    vi.stubGlobal('matchMedia', matchMedia);
    expect(resolvedTheme('system')).toBe('dark');
    expect(resolvedTheme('light')).toBe('light');
    vi.unstubAllGlobals();
  });
});
