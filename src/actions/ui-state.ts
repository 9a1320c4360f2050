// Which overlays are open (help, legend, export dialog): session UI state that actions toggle.
// The legend's open/closed choice is remembered per browser, like a panel layout preference.
import { create } from 'zustand';
import type { FocusFilter } from '../domain/focus';
import type { AccountMap } from '../domain/types';
import type { WalkKind } from '../domain/walk';

export interface UiState {
  helpOpen: boolean;
  legendOpen: boolean;
  exportOpen: boolean;
  briefOpen: boolean;
  /** The share dialog (team maps). */
  shareOpen: boolean;
  /** The focus filters (domain/focus.ts): cards outside them are dimmed. Session state, not saved. */
  focus: FocusFilter[];
  /** Presentation mode for a workshop on a shared screen: chrome hidden, large high-contrast type. */
  presenting: boolean;
  /** The find-or-add box (Ctrl/Cmd+K). */
  commandOpen: boolean;
  /** The insights panel shows beside the inspector. */
  insightsOpen: boolean;
  /** The card a link is being drawn from by keyboard (the link picker is open), or null. */
  linkFrom: string | null;
  /** A card is pressed or cards are dragged on the canvas (set by Canvas): panels hold still until release. */
  dragging: boolean;
  /**
   * A snapshot of map `mapId` that the map is being compared with: the changes are marked on its
   * canvas until the comparison is stopped or another map is opened.
   */
  comparing: { mapId: string; snapshotId: string; name: string; before: AccountMap } | null;
  /**
   * Where a presentation's walk (domain/walk.ts) stands: the department or decision-maker on
   * screen, and which part of it when it is taller than the screen (0 for its top).
   */
  walk: { kind: WalkKind; id: string; part: number } | null;
}

const LEGEND_KEY = 'powermap.legendOpen';

function storedLegendOpen(): boolean {
  try {
    return globalThis.localStorage?.getItem(LEGEND_KEY) === 'true';
  } catch {
    return false;
  }
}

export const useUiState = create<UiState>()(() => ({ helpOpen: false, legendOpen: storedLegendOpen(), exportOpen: false, briefOpen: false, shareOpen: false, focus: [], presenting: false, commandOpen: false, insightsOpen: false, linkFrom: null, dragging: false, comparing: null, walk: null }));

export const ui = {
  set(key: Exclude<keyof UiState, 'focus' | 'comparing' | 'walk' | 'linkFrom'>, value: boolean) {
    useUiState.setState({ [key]: value });
    if (key === 'legendOpen') rememberLegend(value);
  },
  toggle(key: Exclude<keyof UiState, 'focus' | 'comparing' | 'walk' | 'linkFrom'>) {
    ui.set(key, !useUiState.getState()[key]);
  },
};

function rememberLegend(open: boolean) {
  try {
    globalThis.localStorage?.setItem(LEGEND_KEY, String(open));
  } catch {
    // Storage refused (private mode): the choice just isn't remembered.
  }
}
