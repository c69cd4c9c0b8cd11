/* global document */
// Applies a pinned theme before first paint, so a dark choice never flashes light. A file, not an
// inline script: the CSP allows no inline script (server/build-scan.test.ts), and a classic
// script in <head> blocks rendering only for these few bytes. Same key and values as
// src/lib/theme.ts; with nothing stored the CSS follows prefers-color-scheme by itself.
try {
  var choice = localStorage.getItem('theme');
  if (choice === 'light' || choice === 'dark') document.documentElement.dataset.theme = choice;
} catch {
  // Storage blocked: the system theme applies.
}
