// Every command the user can give, in one list: the toolbar, the keyboard, the help overlay and
// the tests all go through it, so a shortcut and its button can never disagree.
import {
  copyItems,
  moveItems,
  pasteItems,
  removeItems,
  setStance,
  toggleRole,
  type MapClipboard,
} from '../domain/commands';
import { createId } from '../domain/ids';
import type { AccountMap } from '../domain/types';
import { useMapStore } from '../store/map-store';
import { addDepartmentAt, addStakeholderAt } from './placement';
import { openImportPicker } from './import-picker';
import { downloadBlob } from '../io/download';
import { mapFileName, serializeMapFile } from '../io/map-file';
import { ui } from './ui-state';
import { viewport } from './viewport';

export type ActionGroup = 'Add' | 'Edit' | 'Tag' | 'Select' | 'View' | 'Map';

export interface Action {
  id: string;
  label: string;
  group: ActionGroup;
  /** Shortcuts, first one shown in tooltips. */
  shortcuts: string[];
  run(): void;
}

const store = () => useMapStore.getState();
let clipboard: MapClipboard | null = null;
let pasteCount = 0;

function selectedCards(map: AccountMap): string[] {
  return store().selection.filter((id) => id in map.stakeholders || id in map.departments);
}

function selectedStakeholders(map: AccountMap): string[] {
  return store().selection.filter((id) => id in map.stakeholders);
}

function nudge(dx: number, dy: number) {
  return () => {
    const map = store().map;
    if (!map) return;
    const moves = selectedCards(map).map((id) => {
      const position = (map.stakeholders[id] ?? map.departments[id]).position;
      return { id, position: { x: position.x + dx, y: position.y + dy } };
    });
    if (moves.length) store().run((current) => moveItems(current, moves));
  };
}

/** Tag every selected stakeholder; if all already carry the tag, remove it (a toggle, like the card buttons). */
function tagStance(stance: 'champion' | 'blocker') {
  return () => {
    const map = store().map;
    if (!map) return;
    const ids = selectedStakeholders(map);
    const allTagged = ids.every((id) => map.stakeholders[id].stance === stance);
    store().run((current) => ids.reduce((m, id) => setStance(m, id, allTagged ? 'unknown' : stance), current));
  };
}

function tagDecisionMaker() {
  const map = store().map;
  if (!map) return;
  const ids = selectedStakeholders(map);
  const allTagged = ids.every((id) => map.stakeholders[id].roles.includes('decision-maker'));
  store().run((current) =>
    ids.reduce(
      (m, id) => (m.stakeholders[id].roles.includes('decision-maker') === allTagged ? toggleRole(m, id, 'decision-maker') : m),
      current,
    ),
  );
}

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
  const fragment = clipboard;
  pasteCount += 1;
  let pasted: string[] = [];
  const ok = store().run((map) => {
    const result = pasteItems(map, fragment, { x: 32 * pasteCount, y: 32 * pasteCount }, createId);
    pasted = result.pastedIds;
    return result.map;
  });
  if (ok) store().select(pasted);
}

/** Downloads the open map as a .powermap.json file, with where the canvas is looking. */
function exportMapFile(): void {
  const map = store().map;
  if (!map) return;
  downloadBlob(new Blob([serializeMapFile(map, viewport.current())], { type: 'application/json' }), mapFileName(map));
}

/** Re-lays out the selection (or the whole map) as an org chart: one undo step. */
async function tidyUp(): Promise<void> {
  const { tidyUp: layout } = await import('../layout/org-layout');
  const selection = store().selection;
  if (store().run((map) => layout(map, selection)) && selection.length === 0) {
    setTimeout(() => viewport.fit({ padding: 0.1, duration: 300 }), 50);
  }
}

export const actions: Action[] = [
  { id: 'add-stakeholder', label: 'Add stakeholder', group: 'Add', shortcuts: ['N'], run: () => void addStakeholderAt() },
  { id: 'add-placeholder', label: 'Add placeholder seat', group: 'Add', shortcuts: ['Shift+N'], run: () => void addStakeholderAt(undefined, { placeholder: true }) },
  { id: 'add-department', label: 'Add department', group: 'Add', shortcuts: ['D'], run: () => void addDepartmentAt() },
  { id: 'undo', label: 'Undo', group: 'Edit', shortcuts: ['Mod+Z'], run: () => store().undo() },
  { id: 'redo', label: 'Redo', group: 'Edit', shortcuts: ['Mod+Shift+Z', 'Ctrl+Y'], run: () => store().redo() },
  {
    id: 'rename',
    label: 'Edit name',
    group: 'Edit',
    shortcuts: ['F2', 'Enter'],
    run: () => {
      const [only, ...rest] = store().selection;
      const map = store().map;
      if (map && only && rest.length === 0 && (only in map.stakeholders || only in map.departments)) store().startEditingName(only);
    },
  },
  {
    id: 'delete',
    label: 'Delete selection',
    group: 'Edit',
    shortcuts: ['Delete', 'Backspace'],
    run: () => {
      const ids = store().selection;
      if (ids.length) store().run((map) => removeItems(map, ids));
    },
  },
  { id: 'copy', label: 'Copy', group: 'Edit', shortcuts: ['Mod+C'], run: () => void copySelection() },
  {
    id: 'cut',
    label: 'Cut',
    group: 'Edit',
    shortcuts: ['Mod+X'],
    run: () => {
      if (copySelection()) store().run((map) => removeItems(map, selectedCards(map)));
    },
  },
  { id: 'paste', label: 'Paste', group: 'Edit', shortcuts: ['Mod+V'], run: paste },
  {
    id: 'duplicate',
    label: 'Duplicate',
    group: 'Edit',
    shortcuts: ['Mod+D'],
    run: () => {
      if (copySelection()) paste();
    },
  },
  { id: 'nudge-left', label: 'Nudge left', group: 'Edit', shortcuts: ['ArrowLeft'], run: nudge(-8, 0) },
  { id: 'nudge-right', label: 'Nudge right', group: 'Edit', shortcuts: ['ArrowRight'], run: nudge(8, 0) },
  { id: 'nudge-up', label: 'Nudge up', group: 'Edit', shortcuts: ['ArrowUp'], run: nudge(0, -8) },
  { id: 'nudge-down', label: 'Nudge down', group: 'Edit', shortcuts: ['ArrowDown'], run: nudge(0, 8) },
  { id: 'nudge-left-far', label: 'Nudge left further', group: 'Edit', shortcuts: ['Shift+ArrowLeft'], run: nudge(-48, 0) },
  { id: 'nudge-right-far', label: 'Nudge right further', group: 'Edit', shortcuts: ['Shift+ArrowRight'], run: nudge(48, 0) },
  { id: 'nudge-up-far', label: 'Nudge up further', group: 'Edit', shortcuts: ['Shift+ArrowUp'], run: nudge(0, -48) },
  { id: 'nudge-down-far', label: 'Nudge down further', group: 'Edit', shortcuts: ['Shift+ArrowDown'], run: nudge(0, 48) },
  { id: 'tag-champion', label: 'Tag as champion', group: 'Tag', shortcuts: ['C'], run: tagStance('champion') },
  { id: 'tag-blocker', label: 'Tag as blocker', group: 'Tag', shortcuts: ['B'], run: tagStance('blocker') },
  { id: 'tag-decision-maker', label: 'Tag as decision-maker', group: 'Tag', shortcuts: ['M'], run: tagDecisionMaker },
  {
    id: 'select-all',
    label: 'Select all',
    group: 'Select',
    shortcuts: ['Mod+A'],
    run: () => {
      const map = store().map;
      if (map) store().select([...Object.keys(map.departments), ...Object.keys(map.stakeholders), ...Object.keys(map.links)]);
    },
  },
  { id: 'clear-selection', label: 'Clear selection', group: 'Select', shortcuts: ['Escape'], run: () => store().select([]) },
  { id: 'fit-view', label: 'Fit map to screen', group: 'View', shortcuts: ['Shift+1'], run: () => viewport.fit({ padding: 0.1, duration: 200 }) },
  { id: 'zoom-in', label: 'Zoom in', group: 'View', shortcuts: ['+', '='], run: viewport.zoomIn },
  { id: 'zoom-out', label: 'Zoom out', group: 'View', shortcuts: ['-'], run: viewport.zoomOut },
  { id: 'toggle-legend', label: 'Show or hide the legend', group: 'View', shortcuts: ['L'], run: () => ui.toggle('legendOpen') },
  { id: 'help', label: 'Keyboard shortcuts', group: 'View', shortcuts: ['?'], run: () => ui.toggle('helpOpen') },
  { id: 'tidy-up', label: 'Tidy up', group: 'Edit', shortcuts: ['Shift+T'], run: () => void tidyUp() },
  { id: 'export-png', label: 'Export PNG', group: 'Map', shortcuts: ['Mod+Shift+E'], run: () => ui.set('exportOpen', true) },
  {
    id: 'toggle-presentation',
    label: 'Presentation mode',
    group: 'View',
    shortcuts: ['P'],
    // The canvas places the map for the room (canvas/presentation.ts) and puts it back on leaving.
    run: () => ui.toggle('presenting'),
  },
  { id: 'find-or-add', label: 'Find or add a stakeholder', group: 'Add', shortcuts: ['Mod+K'], run: () => ui.set('commandOpen', true) },
  { id: 'toggle-insights', label: 'Insights', group: 'View', shortcuts: ['I'], run: () => ui.toggle('insightsOpen') },
  { id: 'handover-brief', label: 'Handover brief', group: 'Map', shortcuts: ['Mod+Shift+B'], run: () => ui.set('briefOpen', true) },
  { id: 'export-map-file', label: 'Save map file', group: 'Map', shortcuts: ['Mod+S'], run: exportMapFile },
  { id: 'import-file', label: 'Import map file or CSV', group: 'Map', shortcuts: ['Mod+O'], run: openImportPicker },
];

export const actionById = Object.fromEntries(actions.map((action) => [action.id, action])) as Record<string, Action>;
