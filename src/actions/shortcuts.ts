// Shortcut strings such as "Mod+Shift+Z": Mod is Cmd on a Mac and Ctrl elsewhere, so one
// definition serves the help overlay, tooltips and the key handler.
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const ARROWS: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' };

export function displayShortcut(shortcut: string): string {
  return shortcut.replace('Mod', isMac ? '⌘' : 'Ctrl').replace(/Arrow(Left|Right|Up|Down)/, (arrow) => ARROWS[arrow]);
}

export function matchesShortcut(event: KeyboardEvent, shortcut: string): boolean {
  // "+" is a key as well as the separator: "+" and "Mod++" end in it.
  const plusKey = shortcut.endsWith('+');
  const parts = (plusKey ? shortcut.slice(0, -1) : shortcut).split('+').filter(Boolean);
  const key = plusKey ? '+' : parts.pop()!;
  const wants = new Set(parts);
  const wantsCtrl = wants.has('Ctrl') || (wants.has('Mod') && !isMac);
  const wantsMeta = wants.has('Meta') || (wants.has('Mod') && isMac);
  if (event.ctrlKey !== wantsCtrl || event.metaKey !== wantsMeta) return false;
  if (wants.has('Alt') !== event.altKey) return false;
  // "?" and "+" are typed with Shift on many layouts: compare the character, not the Shift state.
  if (key.length === 1 && !/[a-z0-9]/i.test(key)) return event.key === key;
  if (wants.has('Shift') !== event.shiftKey) return false;
  if (key.length === 1) return event.key.toLowerCase() === key.toLowerCase() || event.code === `Digit${key}`;
  return event.key === key;
}
