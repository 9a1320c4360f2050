// The one in-memory source of truth for the open account map, plus session state (selection,
// editing, save status). Components read it through narrow selectors and change the map only
// through `run(edit)` with a named edit (domain/edits.ts), which is what makes undo, autosave and
// later sync one narrow waist.
import { create } from 'zustand';
import type { AccountMap } from '../domain/types';
import { CommandError } from '../domain/commands';
import { applyEdit, editLabel, editLabelText, type Edit, type EditLabel } from '../domain/edits';
import { keepSpareCopies } from './spare-copies';
import { emptyHistory, record, redo, undo, type History, type HistoryEntry } from './history';
import { t } from '../i18n';

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export interface Notice {
  id: number;
  message: string;
  tone: 'info' | 'error';
}

export interface MapState {
  /** The open map, or null on the home view. */
  map: AccountMap | null;
  /** Counts openMap calls: a new value means "loaded from storage", not "edited" (autosave relies on it). */
  openCount: number;
  history: History;
  /** The document as it was when the current gesture (a drag, a resize) began; null between gestures. */
  gestureStart: AccountMap | null;
  /** The name of the last edit of the current gesture: what its undo step is called. */
  gestureLabel: EditLabel;
  /** Ids of the selected stakeholders, departments and links. */
  selection: string[];
  /** The card whose name field is open for typing (a new card opens straight into it). */
  editingNameId: string | null;
  /** True when another tab holds this map: the map is shown but cannot be changed here. */
  readOnly: boolean;
  saveState: SaveState;
  saveError: string | null;
  notices: Notice[];

  openMap(map: AccountMap, options?: { readOnly?: boolean }): void;
  closeMap(): void;
  /**
   * Apply an edit to the open map. Returns false (and tells the user why) if it was refused.
   * `ahead` is the edit's result worked out beforehand by workOutEdit (a large import, prepared for
   * drawing in slices first); it is used when the map is still the one it was worked out from.
   */
  run(edit: Edit, ahead?: WorkedOutEdit): boolean;
  /**
   * Takes in changes made elsewhere (a teammate's, through the relay of a shared map): `change` is
   * applied to the map, to every undo and redo step and to a gesture's start, so Undo takes back
   * only this person's own edits. Not itself an undo step.
   */
  receive(change: (map: AccountMap) => AccountMap): void;
  beginGesture(): void;
  endGesture(): void;
  undo(): void;
  redo(): void;
  select(ids: string[]): void;
  toggleSelected(id: string): void;
  startEditingName(id: string | null): void;
  setReadOnly(readOnly: boolean): void;
  setSaveState(state: SaveState, error?: string | null): void;
  notify(message: string, tone?: Notice['tone']): void;
  dismissNotice(id: number): void;
}

let nextNoticeId = 1;

/** Keep the selection pointing at things that still exist after undo, redo or delete. */
function existingOnly(map: AccountMap, ids: string[]): string[] {
  const kept = ids.filter((id) => Object.hasOwn(map.stakeholders, id) || Object.hasOwn(map.departments, id) || Object.hasOwn(map.links, id));
  return kept.length === ids.length ? ids : kept;
}

/** An edit's result on a given map, worked out ahead of running it. */
export interface WorkedOutEdit {
  from: AccountMap;
  edit: Edit;
  next: AccountMap;
}

/** The map `edit` makes of `map` (stamped with the time), or `map` itself when it changes nothing. Throws CommandError. */
export function workOutEdit(map: AccountMap, edit: Edit): WorkedOutEdit {
  const next = applyEdit(map, edit);
  return { from: map, edit, next: next === map ? map : { ...next, updatedAt: new Date().toISOString() } };
}

export const useMapStore = create<MapState>()((set, get) => ({
  map: null,
  openCount: 0,
  history: emptyHistory,
  gestureStart: null,
  gestureLabel: { key: 'edits.moveCards', values: { count: 1 } },
  selection: [],
  editingNameId: null,
  readOnly: false,
  saveState: 'saved',
  saveError: null,
  notices: [],

  openMap(map, options) {
    set({
      map,
      openCount: get().openCount + 1,
      history: emptyHistory,
      gestureStart: null,
      selection: [],
      editingNameId: null,
      readOnly: options?.readOnly ?? false,
      saveState: 'saved',
      saveError: null,
    });
  },

  closeMap() {
    set({ map: null, history: emptyHistory, gestureStart: null, selection: [], editingNameId: null, readOnly: false });
  },

  run(edit, ahead) {
    const { map, readOnly, gestureStart, history } = get();
    if (!map) return false;
    if (readOnly) {
      get().notify(t('toolbar.readOnlyRefused'), 'error');
      return false;
    }
    let next: AccountMap;
    try {
      next = ahead?.from === map && ahead.edit === edit ? ahead.next : workOutEdit(map, edit).next;
    } catch (error) {
      if (error instanceof CommandError) {
        get().notify(error.message, 'error');
        return false;
      }
      throw error;
    }
    if (next === map) return true;
    const label = editLabel(edit);
    // Inside a gesture the intermediate states are not history: endGesture records one step.
    if (gestureStart) set({ map: next, gestureLabel: label, selection: existingOnly(next, get().selection) });
    else set({ map: next, history: record(history, map, label), selection: existingOnly(next, get().selection) });
    return true;
  },

  receive(change) {
    const { map, history, gestureStart } = get();
    if (!map) return;
    const next = change(map);
    if (next === map) return;
    const rebase = (entries: HistoryEntry[]) => entries.map((entry) => ({ ...entry, map: change(entry.map) }));
    set({
      map: next,
      history: { past: rebase(history.past), future: rebase(history.future) },
      gestureStart: gestureStart && change(gestureStart),
      selection: existingOnly(next, get().selection),
    });
  },

  beginGesture() {
    const { map, gestureStart } = get();
    if (map && !gestureStart) set({ gestureStart: map });
  },

  endGesture() {
    const { map, gestureStart, gestureLabel, history } = get();
    if (!gestureStart) return;
    if (!map || map === gestureStart) {
      set({ gestureStart: null });
      return;
    }
    set({ gestureStart: null, history: record(history, gestureStart, gestureLabel) });
  },

  undo() {
    const { map, history, gestureStart, readOnly } = get();
    if (!map || gestureStart || readOnly) return;
    const step = undo(history, map);
    if (step) set({ map: step.map, history: step.history, selection: existingOnly(step.map, get().selection) });
  },

  redo() {
    const { map, history, gestureStart, readOnly } = get();
    if (!map || gestureStart || readOnly) return;
    const step = redo(history, map);
    if (step) set({ map: step.map, history: step.history, selection: existingOnly(step.map, get().selection) });
  },

  select(ids) {
    const current = get().selection;
    if (current.length === ids.length && current.every((id, i) => id === ids[i])) return;
    set({ selection: ids });
  },

  toggleSelected(id) {
    const current = get().selection;
    set({ selection: current.includes(id) ? current.filter((s) => s !== id) : [...current, id] });
  },

  startEditingName(id) {
    set({ editingNameId: id });
  },

  setReadOnly(readOnly) {
    set({ readOnly });
  },

  setSaveState(saveState, error = null) {
    // No store change, so no subscriber runs, when the status stays as it is.
    if (get().saveState === saveState && get().saveError === error) return;
    set({ saveState, saveError: error });
  },

  notify(message, tone = 'info') {
    const notice = { id: nextNoticeId++, message, tone };
    // The same message again replaces the one shown (its time on screen starts again) rather than stacking a copy.
    const others = get().notices.filter((n) => n.message !== message || n.tone !== tone);
    set({ notices: [...others.slice(-3), notice] });
  },

  dismissNotice(id) {
    set({ notices: get().notices.filter((n) => n.id !== id) });
  },
}));

const shown = (entry: HistoryEntry | undefined): string | null => (entry ? editLabelText(entry.label) : null);

/** What Undo would take back ("mark champion") in the current language, or null when there is nothing to undo. */
export const undoLabel = (state: MapState): string | null => shown(state.history.past.at(-1));

/** What Redo would bring back, or null. */
export const redoLabel = (state: MapState): string | null => shown(state.history.future[0]);

// Copies of the open map's large tables made ahead, so one edit is durable as soon at any size.
keepSpareCopies(useMapStore);
