// Shortcut strings as the registry writes them ("Mod+Shift+Z", "?", "+"), matched against the
// keydown events a browser sends on a Mac and elsewhere.
import { afterEach, describe, expect, it, vi } from 'vitest';

type Shortcuts = typeof import('../../../src/actions/shortcuts');

/** The module as it loads on a machine whose navigator.platform is `platform` (it reads it once). */
async function shortcutsOn(platform: string): Promise<Shortcuts> {
  vi.spyOn(navigator, 'platform', 'get').mockReturnValue(platform);
  vi.resetModules();
  return import('../../../src/actions/shortcuts');
}

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);

afterEach(() => vi.restoreAllMocks());

describe('matchesShortcut on Windows and Linux', () => {
  it('reads Mod as Ctrl, and Cmd does not stand in for it', async () => {
    const { matchesShortcut, displayShortcut } = await shortcutsOn('Win32');
    expect(matchesShortcut(key({ key: 'z', ctrlKey: true }), 'Mod+Z')).toBe(true);
    expect(matchesShortcut(key({ key: 'z', metaKey: true }), 'Mod+Z')).toBe(false);
    expect(matchesShortcut(key({ key: 'z' }), 'Mod+Z')).toBe(false);
    expect(displayShortcut('Mod+Shift+Z')).toBe('Ctrl+Shift+Z');
  });

  it('tells Mod+Z from Mod+Shift+Z, and a plain key from the same key with Ctrl', async () => {
    const { matchesShortcut } = await shortcutsOn('Linux x86_64');
    const redo = key({ key: 'Z', ctrlKey: true, shiftKey: true });
    expect(matchesShortcut(redo, 'Mod+Shift+Z')).toBe(true);
    expect(matchesShortcut(redo, 'Mod+Z')).toBe(false);
    expect(matchesShortcut(key({ key: 'c' }), 'C')).toBe(true);
    expect(matchesShortcut(key({ key: 'c', ctrlKey: true }), 'C')).toBe(false);
    expect(matchesShortcut(key({ key: 'n', shiftKey: true }), 'N')).toBe(false);
    expect(matchesShortcut(key({ key: 'N', shiftKey: true }), 'Shift+N')).toBe(true);
    expect(matchesShortcut(key({ key: 'c', altKey: true }), 'C')).toBe(false);
  });

  it('matches a digit by its key code when Shift turns it into a sign', async () => {
    const { matchesShortcut } = await shortcutsOn('Win32');
    expect(matchesShortcut(key({ key: '!', code: 'Digit1', shiftKey: true }), 'Shift+1')).toBe(true);
    expect(matchesShortcut(key({ key: '1', code: 'Digit1' }), 'Shift+1')).toBe(false);
  });

  it('matches named keys exactly: Escape, Delete, arrows, F2', async () => {
    const { matchesShortcut } = await shortcutsOn('Win32');
    expect(matchesShortcut(key({ key: 'Escape' }), 'Escape')).toBe(true);
    expect(matchesShortcut(key({ key: 'Enter' }), 'Escape')).toBe(false);
    expect(matchesShortcut(key({ key: 'ArrowLeft' }), 'ArrowLeft')).toBe(true);
    expect(matchesShortcut(key({ key: 'ArrowLeft', shiftKey: true }), 'ArrowLeft')).toBe(false);
    expect(matchesShortcut(key({ key: 'ArrowLeft', shiftKey: true }), 'Shift+ArrowLeft')).toBe(true);
    expect(matchesShortcut(key({ key: 'F2' }), 'F2')).toBe(true);
  });

  it('matches "?", "+" and "-" by the character typed, with or without Shift (keyboard layouts differ)', async () => {
    const { matchesShortcut } = await shortcutsOn('Win32');
    expect(matchesShortcut(key({ key: '?', shiftKey: true }), '?')).toBe(true);
    expect(matchesShortcut(key({ key: '/' }), '?')).toBe(false);
    // "+" with Shift on a US keyboard, without it on a German one or the number pad.
    expect(matchesShortcut(key({ key: '+', shiftKey: true }), '+')).toBe(true);
    expect(matchesShortcut(key({ key: '+' }), '+')).toBe(true);
    expect(matchesShortcut(key({ key: '=' }), '+')).toBe(false);
    expect(matchesShortcut(key({ key: '+', ctrlKey: true }), '+')).toBe(false);
    expect(matchesShortcut(key({ key: '+', ctrlKey: true }), 'Mod++')).toBe(true);
    expect(matchesShortcut(key({ key: '-' }), '-')).toBe(true);
  });
});

describe('matchesShortcut on a Mac', () => {
  it('reads Mod as Cmd, and Ctrl does not stand in for it; Ctrl+Y stays Ctrl', async () => {
    const { matchesShortcut, displayShortcut } = await shortcutsOn('MacIntel');
    expect(matchesShortcut(key({ key: 'z', metaKey: true }), 'Mod+Z')).toBe(true);
    expect(matchesShortcut(key({ key: 'z', ctrlKey: true }), 'Mod+Z')).toBe(false);
    expect(matchesShortcut(key({ key: 'y', ctrlKey: true }), 'Ctrl+Y')).toBe(true);
    expect(matchesShortcut(key({ key: 'y', metaKey: true }), 'Ctrl+Y')).toBe(false);
    expect(displayShortcut('Mod+K')).toBe('⌘+K');
  });
});
