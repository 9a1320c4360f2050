// Link by keyboard (K on a selected card): a small combobox. The people and departments nearest
// the card come first, so the arrow keys reach a neighbour at once; typing narrows the list by
// name. Enter makes the link (of the kind chosen below, the kind made last at first), Escape
// cancels; either way the keyboard goes back to the card.
import './CommandBox.css';
import { useId, useMemo, useState } from 'react';
import { useUiState } from '../actions/ui-state';
import { createLink, nextLinkKind } from '../actions/links';
import { mapFocus } from '../actions/map-focus';
import { recordRect } from '../domain/commands';
import { linkWords } from '../domain/messages';
import { foldName } from '../domain/quick-entry';
import { LINK_KINDS, type AccountMap, type LinkKind } from '../domain/types';
import { LINK_LOOK } from '../drawing/appearance';
import { useMapStore } from '../store/map-store';
import { Dialog } from './Dialog';
import { t } from '../i18n';
import { useTranslation } from 'react-i18next';

import { OptionList } from './OptionList';

const MAX_SHOWN = 12;

interface Candidate {
  id: string;
  name: string;
  detail: string;
  distance: number;
}

function candidates(map: AccountMap, fromId: string): Candidate[] {
  const from = recordRect(map, fromId);
  const centre = (id: string) => {
    const rect = recordRect(map, id);
    return rect ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : { x: 0, y: 0 };
  };
  const start = from ? { x: from.x + from.width / 2, y: from.y + from.height / 2 } : { x: 0, y: 0 };
  const distance = (id: string) => {
    const c = centre(id);
    return Math.hypot(c.x - start.x, c.y - start.y);
  };
  const list: Candidate[] = [];
  for (const person of Object.values(map.stakeholders)) {
    if (person.id !== fromId) list.push({ id: person.id, name: person.name, detail: person.title, distance: distance(person.id) });
  }
  for (const department of Object.values(map.departments)) {
    if (department.id !== fromId) list.push({ id: department.id, name: department.name, detail: t('inspector.department.kind'), distance: distance(department.id) });
  }
  return list.sort((a, b) => a.distance - b.distance);
}

function narrowed(all: Candidate[], text: string): Candidate[] {
  const wanted = foldName(text);
  if (!wanted) return all.slice(0, MAX_SHOWN);
  const starts = (c: Candidate) => (foldName(c.name).startsWith(wanted) ? 0 : 1);
  return all
    .filter((c) => foldName(c.name).includes(wanted) || foldName(c.detail).includes(wanted))
    .sort((a, b) => starts(a) - starts(b) || a.distance - b.distance)
    .slice(0, MAX_SHOWN);
}

export function LinkPicker() {
  // Subscribed to the language, so the picker's words follow a change of it.
  useTranslation();
  // Mounted only while open.
  const fromId = useUiState((s) => s.linkFrom);
  return fromId ? <LinkPickerOpen fromId={fromId} /> : null;
}

function LinkPickerOpen({ fromId }: { fromId: string }) {
  const listId = useId();
  const map = useMapStore((s) => s.map);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [kind, setKind] = useState<LinkKind>(nextLinkKind);
  const all = useMemo(() => (map ? candidates(map, fromId) : []), [map, fromId]);
  const shown = useMemo(() => narrowed(all, text), [all, text]);
  const current = Math.min(active, shown.length - 1);
  const fromName = map?.stakeholders[fromId]?.name ?? map?.departments[fromId]?.name ?? '';

  const close = () => {
    useUiState.setState({ linkFrom: null });
    mapFocus.focusItem(fromId, { select: true });
  };
  const choose = (index: number) => {
    const target = shown[index];
    if (!target) return;
    createLink(fromId, target.id, { kind, select: false });
    close();
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (event.target instanceof HTMLSelectElement) return;
      event.preventDefault();
      setActive(event.key === 'ArrowDown' ? Math.min(current + 1, shown.length - 1) : Math.max(current - 1, 0));
    } else if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
      event.preventDefault();
      choose(current);
    }
  };

  return (
    <Dialog title={linkWords.title(fromName)} onClose={close} className="pm-command pm-link-picker" restoreFocus={false}>
      <div onKeyDown={onKeyDown}>
        <input
          className="pm-command__input"
          role="combobox"
          aria-label={linkWords.search}
          aria-expanded={shown.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={shown.length ? `${listId}-${current}` : undefined}
          placeholder={linkWords.search}
          value={text}
          data-autofocus
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
          }}
        />
        <OptionList
          listId={listId}
          label={linkWords.results}
          current={current}
          onChoose={choose}
          options={shown.map((option) => ({
            id: option.id,
            content: (
              <>
                <strong>{option.name}</strong> <span className="pm-hint">{option.detail}</span>
              </>
            ),
          }))}
        />
        <p className="pm-hint" role="status">
          {shown.length === 0 ? linkWords.nothingFound : linkWords.hint}
        </p>
        <label className="pm-field">
          {linkWords.kind}
          <select value={kind} onChange={(event) => setKind(event.target.value as LinkKind)}>
            {LINK_KINDS.map((value) => (
              <option key={value} value={value}>
                {LINK_LOOK[value].label}
              </option>
            ))}
          </select>
        </label>
        <div className="pm-dialog__actions">
          <button type="button" onClick={close}>
            {linkWords.cancel}
          </button>
          <button type="button" className="pm-primary" disabled={shown.length === 0} onClick={() => choose(current)}>
            {linkWords.create}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
