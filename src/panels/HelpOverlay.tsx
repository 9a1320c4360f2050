// Every shortcut, from the action registry, in one overlay opened with "?". It also holds the
// language picker of the map view: where people look for the app's settings, without a button of
// its own on a toolbar that is short of room.
import './HelpOverlay.css';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { LanguagePicker } from './LanguagePicker';
import { RichText } from './RichText';

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

/** Mouse gestures the registry cannot list, because they are not keys: the keys of their label and of how to do it. */
const GESTURES = ['selectSeveral', 'panZoom', 'addThere', 'drawLink'] as const;

/** The quick-entry syntax and the keyboard-only tips, a list item each. */
const QUICK_ENTRY_ITEMS = ['quickEntryDepartment', 'quickEntryRoles', 'quickEntryStance', 'quickEntryCoverage', 'quickEntryLanguages'] as const;
const WITHOUT_MOUSE_ITEMS = ['withoutMouseTab', 'withoutMouseLink', 'withoutMousePanel'] as const;

export interface HelpOverlayProps {
  shortcuts: ShortcutRow[];
  onClose(): void;
}

export function HelpOverlay({ shortcuts, onClose }: HelpOverlayProps) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('help.title')} onClose={onClose} className="pm-help">
      <LanguagePicker className="pm-language pm-help__language" />
      {/* The list scrolls on its own, so the title and Close stay in view; focusable so the keyboard can scroll it. */}
      <div className="pm-help__scroll" tabIndex={0} role="region" aria-label={t('help.allShortcuts')}>
        <section className="pm-help__quick" aria-label={t('help.quickEntry')}>
          <h3>{t('help.quickEntry')}</h3>
          <p>
            <RichText message={t('help.quickEntryHow')} />
          </p>
          <p>
            <code>{t('help.quickEntryExample')}</code>
          </p>
          <ul>
            <li>{t('help.quickEntryName')}</li>
            {QUICK_ENTRY_ITEMS.map((key) => (
              <li key={key}>
                <RichText message={t(`help.${key}`)} />
              </li>
            ))}
          </ul>
          <p>{t('help.quickEntryFind')}</p>
          <p>
            <RichText message={t('help.quickEntryLinks')} />
          </p>
        </section>
        <section className="pm-help__quick" aria-label={t('help.withoutMouse')}>
          <h3>{t('help.withoutMouse')}</h3>
          <ul>
            {WITHOUT_MOUSE_ITEMS.map((key) => (
              <li key={key}>
                <RichText message={t(`help.${key}`)} />
              </li>
            ))}
          </ul>
        </section>
        <table className="pm-help__table">
          <thead>
            <tr>
              <th scope="col">{t('help.action')}</th>
              <th scope="col">{t('help.keys')}</th>
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
                        {index > 0 ? <span className="pm-help__or">{t('help.or')}</span> : null}
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
                {t('help.withMouse')}
              </th>
            </tr>
            {GESTURES.map((gesture) => (
              <tr key={gesture}>
                <th scope="row">{t(`help.gesture.${gesture}`)}</th>
                <td>
                  <RichText message={t(`help.gesture.${gesture}How`)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="pm-dialog__actions">
        <button type="button" className="pm-primary" onClick={onClose} data-autofocus>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
