import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { loadKeysAdapter } from '../features/api-keys/api/keys-adapter-context';
import { testClock } from './test-clock';

// Where a wait for what the user sees gives up, never a pause: a cold first render on a shared
// two-core machine can take seconds, and a test must not fail for the machine's load.
configure({ asyncUtilTimeout: 10_000 });

// A browser has fetched the adapter's chunk by the time the page asks for it (it is requested
// as the app starts); here both are in before any test renders, as they would be there.
beforeAll(() => Promise.all([loadKeysAdapter('v2'), loadKeysAdapter('v3')]));

afterEach(() => {
  cleanup();
  testClock.reset();
});

// jsdom has no <dialog> behaviour. This stand-in covers what the app relies on (open state and
// the `close` event); Escape is simulated in tests by dispatching `cancel`. Real Chromium runs
// the real thing in the e2e suite.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

// jsdom does no layout, so it has no scrolling either.
if (typeof Element !== 'undefined' && !Element.prototype.scrollIntoView) {
  Element.prototype.scrollIntoView = function scrollIntoView() {};
}
