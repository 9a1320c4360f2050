// Every shortcut, from the action registry, in one overlay opened with "?".
import { Dialog } from './Dialog';

export interface ShortcutRow {
  label: string;
  keys: string[];
}

export function HelpOverlay({ shortcuts, onClose }: { shortcuts: ShortcutRow[]; onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} className="pm-help">
      <table className="pm-help__table">
        <tbody>
          {shortcuts.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>
                {row.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 ? ' or ' : ''}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">Select several</th>
            <td>
              <kbd>Shift</kbd>+click, or drag a box on empty canvas
            </td>
          </tr>
          <tr>
            <th scope="row">Pan</th>
            <td>
              <kbd>Space</kbd>+drag or right-drag; the wheel zooms
            </td>
          </tr>
          <tr>
            <th scope="row">Add a stakeholder there</th>
            <td>Double-click empty canvas or inside a department</td>
          </tr>
          <tr>
            <th scope="row">Draw a link</th>
            <td>Drag from the dot under a card onto another card</td>
          </tr>
        </tbody>
      </table>
      <div className="pm-dialog__actions">
        <button type="button" className="pm-primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
