import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as React from 'react';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { LazyBoundary } from '../components/ui/lazy-boundary';
import { lazyWithPreload } from './lazy-with-preload';

// Spied on, not replaced: which updates are transitions is what one test below is about.
vi.mock('react', async (importOriginal) => {
  const actual = await importOriginal<typeof React>();
  return { ...actual, startTransition: vi.fn(actual.startTransition) };
});

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}
const placeholder = <p role="status">Loading…</p>;

function renderLazy(Component: (props: { name: string }) => React.ReactNode) {
  return render(
    <LazyBoundary what="the greeting">
      <Suspense fallback={placeholder}>
        <Component name="Ada" />
      </Suspense>
    </LazyBoundary>,
  );
}

describe('lazyWithPreload', () => {
  it('mounts a preloaded component at once, without a placeholder', async () => {
    const code = Promise.resolve(Greeting);
    const [LazyGreeting, preload] = lazyWithPreload(() => code, placeholder);
    preload();
    await code;
    await Promise.resolve(); // the preload's own continuation
    renderLazy(LazyGreeting);
    expect(screen.getByText('Hello Ada')).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('shows the placeholder until the code arrives, then the component', async () => {
    let arrive: (component: typeof Greeting) => void = () => undefined;
    const load = vi.fn(() => new Promise<typeof Greeting>((resolve) => (arrive = resolve)));
    const [LazyGreeting] = lazyWithPreload(load, placeholder);
    renderLazy(LazyGreeting);
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    await vi.waitFor(() => expect(load).toHaveBeenCalledOnce());
    arrive(Greeting);
    expect(await screen.findByText('Hello Ada')).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('mounts code that arrives late in an urgent render, not a transition', async () => {
    // A transition renders in 5 ms slices with the browser's frames between them: the key list,
    // whose rows often arrive with its code, would paint later than one urgent render allows.
    vi.mocked(React.startTransition).mockClear();
    let arrive: (component: typeof Greeting) => void = () => undefined;
    const load = vi.fn(() => new Promise<typeof Greeting>((resolve) => (arrive = resolve)));
    const [LazyGreeting] = lazyWithPreload(load, placeholder);
    renderLazy(LazyGreeting);
    await vi.waitFor(() => expect(load).toHaveBeenCalledOnce());
    arrive(Greeting);
    expect(await screen.findByText('Hello Ada')).toBeInTheDocument();
    expect(React.startTransition).not.toHaveBeenCalled();
  });

  it('says when the code failed to arrive, and fetches it again on Retry', async () => {
    const load = vi
      .fn<() => Promise<typeof Greeting>>()
      .mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'))
      .mockResolvedValue(Greeting);
    const [LazyGreeting] = lazyWithPreload(load, placeholder);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderLazy(LazyGreeting);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the greeting');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Hello Ada')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
