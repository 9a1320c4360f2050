// Every shortcut, from the action registry, in one overlay opened with "?".
import './HelpOverlay.css';
import { Dialog } from './Dialog';

export interface ShortcutRow {
  label: string;
  keys: string[];
  /** Optional heading to group rows under ("Edit", "View"); rows keep their order within a group. */
  group?: string;
}

/** Rows grouped by `group`, groups in order of first appearance; rows without keys are left out. */
function groupRows(rows: ShortcutRow[]): [string, ShortcutRow[]][] {
  const groups = new Map<string, ShortcutRow[]>();
  for (const row of rows) {
    if (row.keys.length === 0) continue;
    const name = row.group ?? '';
    groups.set(name, [...(groups.get(name) ?? []), row]);
  }
  return [...groups];
}

/** Mouse gestures the registry cannot list, because they are not keys. */
const GESTURES: { label: string; how: React.ReactNode }[] = [
  {
    label: 'Select several',
    how: (
      <>
        <kbd>Shift</kbd>+click, or drag a box on empty canvas
      </>
    ),
  },
  {
    label: 'Pan and zoom',
    how: (
      <>
        <kbd>Space</kbd>+drag or right-drag to pan; the wheel zooms
      </>
    ),
  },
  { label: 'Add a stakeholder there', how: 'Double-click empty canvas or inside a department' },
  { label: 'Draw a link', how: 'Drag from the dot under a card onto another card (or press K)' },
];

export interface HelpOverlayProps {
  shortcuts: ShortcutRow[];
  onClose(): void;
}

export function HelpOverlay({ shortcuts, onClose }: HelpOverlayProps) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} className="pm-help">
      {/* The list scrolls on its own, so the title and Close stay in view; focusable so the keyboard can scroll it. */}
      <div className="pm-help__scroll" tabIndex={0} role="region" aria-label="All shortcuts">
        <section className="pm-help__quick" aria-label="Quick entry">
          <h3>Quick entry</h3>
          <p>
            Press <kbd>Ctrl</kbd>/<kbd>⌘</kbd> <kbd>K</kbd>, type one line and press <kbd>Enter</kbd>. The box stays open for the next person.
          </p>
          <p>
            <code>Maria Nowak, CFO @Finance #decision-maker #champion</code>
          </p>
          <ul>
            <li>the name, then after a comma the title;</li>
            <li>
              <code>@Department</code>: into that department (a new one is made if none matches);
            </li>
            <li>
              <code>#decision-maker</code> <code>#dm</code> <code>#economic-buyer</code> <code>#eb</code> <code>#technical-evaluator</code>{' '}
              <code>#user</code> <code>#influencer</code> <code>#gatekeeper</code>: buying roles;
            </li>
            <li>
              <code>#champion</code> <code>#supporter</code> <code>#neutral</code> <code>#skeptic</code> <code>#blocker</code>: stance;{' '}
              <code>#high</code> <code>#medium</code> <code>#low</code>: influence; <code>#placeholder</code>: a seat still to fill.
            </li>
          </ul>
          <p>Without a comma, @ or #, the same box finds people and departments by name, title or department.</p>
          <p>
            A line with <code>&gt;</code> links two people already on the map: <code>Anna &gt; Boris</code> or <code>Anna -&gt; Boris</code>, with
            the kind as a tag if you like (<code>Anna &gt; Boris #reports-to</code>: Anna reports to Boris; also <code>#dotted-line</code>{' '}
            <code>#influences</code> <code>#ally</code> <code>#conflict</code>). A start of a name is enough when only one person has it.
          </p>
        </section>
        <section className="pm-help__quick" aria-label="Without a mouse">
          <h3>Without a mouse</h3>
          <ul>
            <li>
              The first <kbd>Tab</kbd> offers <em>Skip to map</em>: <kbd>Enter</kbd> selects the first card. <kbd>Tab</kbd> then goes through the
              cards and departments in reading order (top to bottom, left to right), and the arrow keys to the nearest card that way; focus selects.
            </li>
            <li>
              <kbd>K</kbd> links the selected card: the nearest people come first, <kbd>↓</kbd>/<kbd>↑</kbd> or a typed name picks one,{' '}
              <kbd>Enter</kbd> links, <kbd>Esc</kbd> cancels.
            </li>
            <li>
              <kbd>Esc</kbd> anywhere in the side panel clears the selection and goes back to the card; <kbd>Enter</kbd> in a field goes back
              keeping it. <kbd>Delete</kbd> works from the panel too, outside text fields.
            </li>
          </ul>
        </section>
        <table className="pm-help__table">
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Keys</th>
            </tr>
          </thead>
          {groupRows(shortcuts).map(([group, rows]) => (
            <tbody key={group || 'all'}>
              {group ? (
                <tr>
                  <th scope="rowgroup" colSpan={2} className="pm-help__group">
                    {group}
                  </th>
                </tr>
              ) : null}
              {rows.map((row, rowIndex) => (
                <tr key={`${row.label}-${rowIndex}`}>
                  <th scope="row">{row.label}</th>
                  <td>
                    {row.keys.map((key, index) => (
                      <span key={`${key}-${index}`}>
                        {index > 0 ? <span className="pm-help__or"> or </span> : null}
                        <kbd>{key}</kbd>
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
          <tbody>
            <tr>
              <th scope="rowgroup" colSpan={2} className="pm-help__group">
                With the mouse
              </th>
            </tr>
            {GESTURES.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{row.how}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="pm-dialog__actions">
        <button type="button" className="pm-primary" onClick={onClose} data-autofocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}
