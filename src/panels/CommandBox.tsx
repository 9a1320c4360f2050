// Find or add (Ctrl/Cmd+K): type part of a name, title or department to jump to it, or type a
// quick-entry line ("Maria Nowak, CFO @Finance #decision-maker #champion") and press Enter to add
// the person. The box stays open after an add, so a workshop's scribe can enter the next one.
import './CommandBox.css';
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ui, useUiState } from '../actions/ui-state';
import { mapFocus } from '../actions/map-focus';
import { addFromQuickEntry } from '../actions/placement';
import { foldName, parseLinkEntry, parseQuickEntry, type LinkEntry } from '../domain/quick-entry';
import { createLink, nextLinkKind } from '../actions/links';
import { actionsNamed } from '../actions/registry';
import { displayShortcut } from '../actions/shortcuts';
import { linkSentence, linkWords } from '../domain/messages';
import type { AccountMap } from '../domain/types';
import { useMapStore } from '../store/map-store';
import { Dialog } from './Dialog';
import { OptionList } from './OptionList';
import { showOnMap } from './use-map';
import { findMatches } from './find-matches';

const nameOf = (map: AccountMap, id: string | null) => (id ? map.stakeholders[id]?.name ?? map.departments[id]?.name ?? '' : '');

/** "Anna Berg reports to Boris Ivanov": what Enter on a link line will make. */
function sentenceOf(map: AccountMap, link: LinkEntry): string {
  return linkSentence(link.kind ?? nextLinkKind(), nameOf(map, link.sourceId), nameOf(map, link.targetId));
}

/** Why a link line cannot be made yet, or '' when it can. */
function linkProblem(link: LinkEntry): string {
  if (link.unknownTag) return linkWords.unknownKind(link.unknownTag);
  if (!link.problem) return '';
  const typed = link.problem.end === 'source' ? link.sourceName : link.targetName;
  if (!typed) return '';
  return link.problem.kind === 'ambiguous' ? linkWords.ambiguous(typed) : linkWords.noTarget(typed);
}

export function CommandBox() {
  // Mounted only while open: closed, it must not re-render on every edit or drag step.
  const open = useUiState((s) => s.commandOpen);
  return open ? <CommandBoxOpen /> : null;
}

function CommandBoxOpen() {
  const { t } = useTranslation();
  const listId = useId();
  const map = useMapStore((s) => s.map);
  const readOnly = useMapStore((s) => s.readOnly);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState('');
  const focusOnMatch = useRef(false);
  const restoreFocus = useCallback(() => !focusOnMatch.current, []);

  // "Anna > Boris": a link between two people on the map, not a new person.
  const link = useMemo(() => (map ? parseLinkEntry(text, map) : null), [map, text]);
  const entry = useMemo(() => (map && !link ? parseQuickEntry(text, map) : null), [map, text, link]);
  const matches = useMemo(() => (map && !link && !/[,@#]/.test(text) ? findMatches(map, text) : []), [map, text, link]);
  // Commands by name ("share", "brief"): what a key does, reachable without knowing the key.
  const commands = useMemo(() => (!link && !/[,@#]/.test(text) ? actionsNamed(text, foldName) : []), [text, link]);
  const canAdd = Boolean(entry?.name) && !readOnly;
  const canLink = Boolean(link && !link.problem && !link.unknownTag) && !readOnly;
  const options = [
    ...matches.map((m) => ({ kind: 'match' as const, ...m })),
    ...commands.map((action) => ({ kind: 'command' as const, id: `command-${action.id}`, action })),
    ...(canAdd ? [{ kind: 'add' as const, id: 'add' }] : []),
    ...(canLink ? [{ kind: 'link' as const, id: 'link' }] : []),
  ];
  const current = Math.min(active, options.length - 1);
  if (!map) return null;

  const close = () => {
    ui.set('commandOpen', false);
    setText('');
    setStatus('');
  };
  const choose = (index: number) => {
    const option = options[index];
    if (!option) return;
    if (option.kind === 'match') {
      // Focus goes to the person found, not back to the card that had it before the box opened:
      // focus selects, so that card took the selection back and the next key changed it.
      focusOnMatch.current = true;
      showOnMap([option.id], { padding: 0.6, maxZoom: 1.2 });
      mapFocus.focusItem(option.id, { move: false });
      close();
      return;
    }
    if (option.kind === 'command') {
      close();
      option.action.run();
      return;
    }
    if (option.kind === 'link') {
      if (!link?.sourceId || !link.targetId || !map) return;
      if (createLink(link.sourceId, link.targetId, { kind: link.kind ?? undefined, select: false })) setStatus(linkWords.done(sentenceOf(map, link)));
      setText('');
      setActive(0);
      return;
    }
    if (!entry) return;
    const id = addFromQuickEntry(entry);
    if (!id) return;
    const after = useMapStore.getState().map;
    const department = entry.departmentName ? (after?.departments[after?.stakeholders[id]?.departmentId ?? '']?.name ?? entry.departmentName) : '';
    const added = department ? t('quickEntry.addedTo', { name: entry.name, department }) : t('quickEntry.added', { name: entry.name });
    setStatus(entry.unknownTags.length ? `${added} ${t('quickEntry.ignored', { tags: entry.unknownTags.join(' ') })}` : added);
    setText('');
    setActive(0);
  };

  const describe = () => {
    if (!entry) return '';
    const parts = [
      entry.title,
      entry.departmentName && t(entry.departmentId ? 'quickEntry.inDepartment' : 'quickEntry.inNewDepartment', { department: entry.departmentName }),
      ...entry.roles.map((role) => t(`common.role.${role}`)),
      entry.stance ? t(`common.stance.${entry.stance}`) : '',
      entry.influence ? t(`quickEntry.influence.${entry.influence}`) : '',
      entry.coverage ? t(`common.coverage.${entry.coverage}`) : '',
      entry.placeholder ? t('quickEntry.placeholderSeat') : '',
    ];
    return parts.filter(Boolean).join(' · ');
  };

  return (
    <Dialog title={t('quickEntry.title')} onClose={close} className="pm-command" restoreFocus={restoreFocus}>
      <input
        className="pm-command__input"
        role="combobox"
        aria-label={t('quickEntry.input')}
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-activedescendant={options.length ? `${listId}-${current}` : undefined}
        placeholder={t('quickEntry.placeholder')}
        value={text}
        data-autofocus
        onChange={(event) => {
          setText(event.target.value);
          // A line with quick-entry marks means "add": put the add option first in reach.
          setActive(/[,@#]/.test(event.target.value) ? Number.MAX_SAFE_INTEGER : 0);
          setStatus('');
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setActive(Math.min(current + 1, options.length - 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive(Math.max(current - 1, 0));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            choose(current);
          }
        }}
      />
      <OptionList
        listId={listId}
        label={t('quickEntry.results')}
        current={current}
        onChoose={choose}
        options={options.map((option) => ({
          id: option.id,
          content:
            option.kind === 'match' ? (
              <>
                <strong>{option.label}</strong> <span className="pm-hint">{option.detail}</span>
              </>
            ) : option.kind === 'command' ? (
              <>
                <strong>{option.action.label}</strong> <span className="pm-hint">{option.action.shortcuts.map(displayShortcut).join(', ')}</span>
              </>
            ) : option.kind === 'link' && link ? (
              <strong>{linkWords.option(sentenceOf(map, link))}</strong>
            ) : (
              <>
                <strong>{t('quickEntry.add', { name: entry?.name ?? '' })}</strong> <span className="pm-hint">{describe()}</span>
              </>
            ),
        }))}
      />
      <p className="pm-hint" role="status">
        {status || (link ? linkProblem(link) : text && !entry?.name ? t('quickEntry.nameFirst') : '')}
      </p>
    </Dialog>
  );
}
