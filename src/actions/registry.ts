// Every command the user can give, in one list: the toolbar, the keyboard, the help overlay and
// the tests all go through it, so a shortcut and its button can never disagree.
import { copyItems, type MapClipboard } from '../domain/commands';
import { arrangementBetween, planPaste, type Edit } from '../domain/edits';
import type { AccountMap, BuyingRole, Stakeholder, Stance } from '../domain/types';
import { useMapStore } from '../store/map-store';
import { addDepartmentAt, addStakeholderAt } from './placement';
import { openImportPicker } from './import-picker';
import { downloadBlob } from '../io/download';
import { mapFileName, serializeMapFile, tooLargeToSave } from '../io/map-file';
import { ui, useUiState } from './ui-state';
import { toggleLegend, walk } from './walk';
import { viewport } from './viewport';
import { mapFocus } from './map-focus';
import { centreOf, nearestInDirection, nearestStakeholder, stakeholdersInReadingOrder, type Direction } from '../domain/spatial';
import { linkWords } from '../domain/messages';
import { t } from '../i18n';

export type ActionGroup = 'Add' | 'Edit' | 'Tag' | 'Select' | 'View' | 'Map';

export interface Action {
  id: string;
  /** In the current language, read when shown (a getter over the catalogue's `actions.label`). */
  readonly label: string;
  group: ActionGroup;
  /** Shortcuts, first one shown in tooltips. */
  shortcuts: string[];
  /**
   * Does it. Actions on "the selection" take `target` instead when given: a card's own hover
   * buttons tag that card, whether or not it is selected.
   */
  run(target?: ActionTarget): void;
  /**
   * When given, the keys do this action only while it holds, and then before any other action on
   * the same key: in presentation mode the arrows walk the map instead of nudging the selection.
   */
  when?: () => boolean;
}

export interface ActionTarget {
  ids: readonly string[];
}

const store = () => useMapStore.getState();
let clipboard: MapClipboard | null = null;
let pasteCount = 0;

function selectedCards(map: AccountMap): string[] {
  return store().selection.filter((id) => Object.hasOwn(map.stakeholders, id) || Object.hasOwn(map.departments, id));
}

function targetStakeholders(map: AccountMap, target?: ActionTarget): string[] {
  return (target?.ids ?? store().selection).filter((id) => Object.hasOwn(map.stakeholders, id));
}

/** The card (stakeholder or department) the keyboard is on: the last one selected, else the focused one. */
function currentCard(map: AccountMap): string | null {
  const focused = mapFocus.focused();
  return selectedCards(map).at(-1) ?? (focused && (Object.hasOwn(map.stakeholders, focused) || Object.hasOwn(map.departments, focused)) ? focused : null);
}

/**
 * The arrow keys: select the nearest card in that direction and put focus on it (the first card
 * in reading order when nothing is selected). Nudging moved to Alt+arrow.
 */
function moveSelection(direction: Direction) {
  return () => {
    const map = store().map;
    if (!map) return;
    const from = currentCard(map);
    const next = from ? nearestInDirection(map, from, direction) : stakeholdersInReadingOrder(map)[0];
    if (!next) return;
    store().select([next]);
    mapFocus.focusItem(next);
  };
}

/** Deletes the selection; focus moves to the card nearest to where it was, not to the page. */
export function deleteSelection(ids: readonly string[] = store().selection) {
  const map = store().map;
  if (!map || ids.length === 0) return;
  // A link stands where its ends are.
  const places = ids.flatMap((id) => (map.links[id] ? [map.links[id].sourceId, map.links[id].targetId] : [id]));
  const at = centreOf(map, places);
  if (!store().run({ type: 'removeItems', ids: [...ids] })) return;
  const after = store().map;
  const next = at && after ? nearestStakeholder(after, at) : null;
  if (!next) return mapFocus.focusCanvas();
  store().select([next]);
  mapFocus.focusItem(next);
}

/** Escape: nothing selected, and the keyboard back on the map where it was. */
function clearSelection() {
  const { selection } = store();
  store().select([]);
  if (selection.length === 1) mapFocus.focusItem(selection[0], { select: false });
  else mapFocus.focusCanvas();
}

/** K: opens the link picker from the one selected card or department. */
function startLink() {
  const map = store().map;
  const ids = map ? selectedCards(map) : [];
  if (ids.length !== 1 || store().selection.length !== 1) {
    store().notify(linkWords.selectFirst);
    return;
  }
  useUiState.setState({ linkFrom: ids[0] });
}

function nudge(dx: number, dy: number) {
  return () => {
    const map = store().map;
    if (!map) return;
    const moves = selectedCards(map).map((id) => {
      const position = (map.stakeholders[id] ?? map.departments[id]).position;
      return { id, position: { x: position.x + dx, y: position.y + dy } };
    });
    if (moves.length) store().run({ type: 'moveItems', moves });
  };
}

/** A toggle over the targeted stakeholders: tag them all, or, when every one has the tag, untag them all. */
function toggleTag(has: (person: Stakeholder) => boolean, edit: (ids: string[], on: boolean) => Edit) {
  return (target?: ActionTarget) => {
    const map = store().map;
    if (!map) return;
    const ids = targetStakeholders(map, target);
    if (ids.length) store().run(edit(ids, !ids.every((id) => has(map.stakeholders[id]))));
  };
}

const tagStance = (stance: Stance) =>
  toggleTag((person) => person.stance === stance, (ids, on) => ({ type: 'setStance', ids, stance: on ? stance : 'unknown' }));

const tagRole = (role: BuyingRole) =>
  toggleTag((person) => person.roles.includes(role), (ids, on) => ({ type: 'setRole', ids, role, on }));

function copySelection(): boolean {
  const map = store().map;
  if (!map) return false;
  const ids = selectedCards(map);
  if (ids.length === 0) return false;
  clipboard = copyItems(map, ids);
  pasteCount = 0;
  return true;
}

function paste() {
  if (!clipboard) return;
  pasteCount += 1;
  const { ids, topLevel } = planPaste(clipboard);
  const offset = { x: 32 * pasteCount, y: 32 * pasteCount };
  if (store().run({ type: 'paste', clipboard, offset, ids })) store().select(topLevel);
}

/** Downloads the open map as a .powermap.json file, with where the canvas is looking. */
function exportMapFile(): void {
  const map = store().map;
  if (!map) return;
  const text = serializeMapFile(map, viewport.current());
  const refusal = tooLargeToSave(text);
  if (refusal) store().notify(refusal, 'error');
  else downloadBlob(new Blob([text], { type: 'application/json' }), mapFileName(map));
}

/** Re-lays out the selection (or the whole map) as an org chart: one undo step. */
async function tidyUp(): Promise<void> {
  const { tidyUp: layout } = await import('../layout/org-layout');
  const { selection, map } = store();
  if (!map) return;
  if (store().run(arrangementBetween(map, layout(map, selection))) && selection.length === 0) {
    setTimeout(() => viewport.fit({ padding: 0.1, duration: 300 }), 50);
  }
}

const presenting = () => useUiState.getState().presenting;

const definitions: Omit<Action, 'label'>[] = [
  { id: 'add-stakeholder', group: 'Add', shortcuts: ['N'], run: () => void addStakeholderAt() },
  { id: 'add-placeholder', group: 'Add', shortcuts: ['Shift+N'], run: () => void addStakeholderAt(undefined, { placeholder: true }) },
  { id: 'add-department', group: 'Add', shortcuts: ['D'], run: () => void addDepartmentAt() },
  { id: 'undo', group: 'Edit', shortcuts: ['Mod+Z'], run: () => store().undo() },
  { id: 'redo', group: 'Edit', shortcuts: ['Mod+Shift+Z', 'Ctrl+Y'], run: () => store().redo() },
  {
    id: 'rename',
    group: 'Edit',
    shortcuts: ['F2', 'Enter'],
    run: () => {
      const [only, ...rest] = store().selection;
      const map = store().map;
      if (map && only && rest.length === 0 && (Object.hasOwn(map.stakeholders, only) || Object.hasOwn(map.departments, only))) store().startEditingName(only);
    },
  },
  {
    id: 'delete',
    group: 'Edit',
    shortcuts: ['Delete', 'Backspace'],
    run: (target) => deleteSelection(target?.ids),
  },
  { id: 'copy', group: 'Edit', shortcuts: ['Mod+C'], run: () => void copySelection() },
  {
    id: 'cut',
    group: 'Edit',
    shortcuts: ['Mod+X'],
    run: () => {
      const map = store().map;
      if (map && copySelection()) store().run({ type: 'removeItems', ids: selectedCards(map) });
    },
  },
  { id: 'paste', group: 'Edit', shortcuts: ['Mod+V'], run: paste },
  {
    id: 'duplicate',
    group: 'Edit',
    shortcuts: ['Mod+D'],
    run: () => {
      if (copySelection()) paste();
    },
  },
  { id: 'select-left', group: 'Select', shortcuts: ['ArrowLeft'], run: moveSelection('left') },
  { id: 'select-right', group: 'Select', shortcuts: ['ArrowRight'], run: moveSelection('right') },
  { id: 'select-up', group: 'Select', shortcuts: ['ArrowUp'], run: moveSelection('up') },
  { id: 'select-down', group: 'Select', shortcuts: ['ArrowDown'], run: moveSelection('down') },
  { id: 'nudge-left', group: 'Edit', shortcuts: ['Alt+ArrowLeft'], run: nudge(-8, 0) },
  { id: 'nudge-right', group: 'Edit', shortcuts: ['Alt+ArrowRight'], run: nudge(8, 0) },
  { id: 'nudge-up', group: 'Edit', shortcuts: ['Alt+ArrowUp'], run: nudge(0, -8) },
  { id: 'nudge-down', group: 'Edit', shortcuts: ['Alt+ArrowDown'], run: nudge(0, 8) },
  { id: 'nudge-left-far', group: 'Edit', shortcuts: ['Shift+ArrowLeft'], run: nudge(-48, 0) },
  { id: 'nudge-right-far', group: 'Edit', shortcuts: ['Shift+ArrowRight'], run: nudge(48, 0) },
  { id: 'nudge-up-far', group: 'Edit', shortcuts: ['Shift+ArrowUp'], run: nudge(0, -48) },
  { id: 'nudge-down-far', group: 'Edit', shortcuts: ['Shift+ArrowDown'], run: nudge(0, 48) },
  { id: 'start-link', group: 'Edit', shortcuts: ['K'], run: startLink },
  // One key per stance: 1 to 5 run from champion to blocker as the legend does, 0 is "not known";
  // C and B stay for the two that matter most.
  { id: 'tag-champion', group: 'Tag', shortcuts: ['C', '1'], run: tagStance('champion') },
  { id: 'tag-supporter', group: 'Tag', shortcuts: ['2'], run: tagStance('supporter') },
  { id: 'tag-neutral', group: 'Tag', shortcuts: ['3'], run: tagStance('neutral') },
  { id: 'tag-skeptic', group: 'Tag', shortcuts: ['4'], run: tagStance('skeptic') },
  { id: 'tag-blocker', group: 'Tag', shortcuts: ['B', '5'], run: tagStance('blocker') },
  { id: 'tag-unknown', group: 'Tag', shortcuts: ['0'], run: tagStance('unknown') },
  { id: 'tag-decision-maker', group: 'Tag', shortcuts: ['M'], run: tagRole('decision-maker') },
  {
    id: 'select-all',
    group: 'Select',
    shortcuts: ['Mod+A'],
    run: () => {
      const map = store().map;
      if (map) store().select([...Object.keys(map.departments), ...Object.keys(map.stakeholders), ...Object.keys(map.links)]);
    },
  },
  { id: 'clear-selection', group: 'Select', shortcuts: ['Escape'], run: clearSelection },
  { id: 'fit-view', group: 'View', shortcuts: ['Shift+1'], run: () => viewport.fit({ padding: 0.1, duration: 200 }) },
  { id: 'zoom-in', group: 'View', shortcuts: ['+', '='], run: viewport.zoomIn },
  { id: 'zoom-out', group: 'View', shortcuts: ['-'], run: viewport.zoomOut },
  { id: 'toggle-legend', group: 'View', shortcuts: ['L'], run: toggleLegend },
  { id: 'help', group: 'View', shortcuts: ['?'], run: () => ui.toggle('helpOpen') },
  { id: 'tidy-up', group: 'Edit', shortcuts: ['Shift+T'], run: () => void tidyUp() },
  { id: 'export-png', group: 'Map', shortcuts: ['Mod+Shift+E'], run: () => ui.set('exportOpen', true) },
  {
    id: 'toggle-presentation',
    group: 'View',
    shortcuts: ['P'],
    // The canvas places the map for the room (canvas/presentation.ts) and puts it back on leaving.
    run: () => ui.toggle('presenting'),
  },
  // Escape peels one layer at a time: a selection first, then presentation mode itself.
  {
    id: 'leave-presentation',
    group: 'View',
    shortcuts: ['Escape'],
    when: () => presenting() && store().selection.length === 0,
    run: () => ui.set('presenting', false),
  },
  // The walk through a presentation (actions/walk.ts). Presenter remotes send PageDown/PageUp.
  { id: 'walk-next-department', group: 'View', shortcuts: ['ArrowRight', 'PageDown'], when: presenting, run: () => walk('department', 1) },
  { id: 'walk-previous-department', group: 'View', shortcuts: ['ArrowLeft', 'PageUp'], when: presenting, run: () => walk('department', -1) },
  { id: 'walk-next-decision-maker', group: 'View', shortcuts: ['D'], when: presenting, run: () => walk('decision-maker', 1) },
  { id: 'walk-previous-decision-maker', group: 'View', shortcuts: ['Shift+D'], when: presenting, run: () => walk('decision-maker', -1) },
  { id: 'find-or-add', group: 'Add', shortcuts: ['Mod+K'], run: () => ui.set('commandOpen', true) },
  { id: 'toggle-insights', group: 'View', shortcuts: ['I'], run: () => ui.toggle('insightsOpen') },
  { id: 'handover-brief', group: 'Map', shortcuts: ['Mod+Shift+B'], run: () => ui.set('briefOpen', true) },
  // Share with the team (a new share, or the link of this one): the dialog in panels/ShareDialog.tsx.
  { id: 'share-map', group: 'Map', shortcuts: ['Shift+S'], run: () => ui.set('shareOpen', true) },
  { id: 'export-map-file', group: 'Map', shortcuts: ['Mod+S'], run: exportMapFile },
  { id: 'import-file', group: 'Map', shortcuts: ['Mod+O'], run: openImportPicker },
];

/** Actions whose label holds `words` (folded by `fold`), for the find-or-add box: "share" finds Share. */
export function actionsNamed(words: string, fold: (text: string) => string, limit = 3): Action[] {
  const wanted = fold(words);
  if (wanted.length < 2) return [];
  const seen = new Set<string>();
  return actions.filter((action) => !action.when && fold(action.label).includes(wanted) && !seen.has(action.label) && seen.add(action.label)).slice(0, limit);
}

/** The label of an action in the current language. */
export const actionLabel = (id: string): string => t(`actions.label.${id}` as 'actions.label.undo');

/** Every action, its label looked up each time it is read, so a change of language shows at once. */
export const actions: Action[] = definitions.map((definition) =>
  Object.defineProperty(definition, 'label', { get: () => actionLabel(definition.id), enumerable: true }) as Action,
);

export const actionById = Object.fromEntries(actions.map((action) => [action.id, action])) as Record<string, Action>;
