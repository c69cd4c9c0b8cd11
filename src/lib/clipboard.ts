export type CopyOutcome = 'copied' | 'manual';

/**
 * Clipboard API first; on plain-HTTP hosts (no secure context) or when it is refused, the legacy
 * `execCommand('copy')`; failing both, 'manual' so the caller selects the text and tells the user
 * which keys to press. Never a silent no-op.
 *
 * `container` must be inside any open modal dialog: everything outside it is inert and cannot be
 * selected.
 */
export async function copyText(text: string, container: HTMLElement): Promise<CopyOutcome> {
  // Browsers only expose navigator.clipboard in a secure context (HTTPS or localhost).
  if (typeof navigator.clipboard?.writeText === 'function') {
    try {
      await navigator.clipboard.writeText(text);
      return 'copied';
    } catch {
      // Permission refused or document not focused: fall through to the legacy path.
    }
  }
  return copyWithExecCommand(text, container) ? 'copied' : 'manual';
}

function copyWithExecCommand(text: string, container: HTMLElement): boolean {
  const scratch = document.createElement('textarea');
  scratch.value = text;
  scratch.readOnly = true;
  scratch.setAttribute('aria-hidden', 'true');
  scratch.style.cssText = 'position:fixed;top:0;left:0;opacity:0;pointer-events:none;';
  container.append(scratch);
  const previousFocus = document.activeElement;
  try {
    scratch.select();
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    return false;
  } finally {
    // The secret must not linger in the DOM.
    scratch.remove();
    if (previousFocus instanceof HTMLElement) previousFocus.focus();
  }
}

export const copyShortcut = (platform = navigator.platform): string =>
  /mac|iphone|ipad/i.test(platform) ? '⌘C' : 'Ctrl+C';
