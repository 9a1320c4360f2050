// The review of a newer CRM export before it changes the map, like a diff: new people, changed
// titles, departments and managers (old → new), and people missing from the export ("left the
// company?"). Every row has a tick box, every group All / None. Apply runs one reimport edit plus
// the layout of the new people as one undo step, then reports what it did. Nothing changes before
// Apply; an export that matches the map says so and changes nothing.
import './ReimportReview.css';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { arrangementBetween, applyEdit, type Edit } from '../domain/edits';
import { CommandError } from '../domain/commands';
import { reimportCounts, reimportPlacements, type ReimportChanges } from '../domain/reimport';
import type { AccountMap } from '../domain/types';
import {
  acceptAll,
  acceptedChanges,
  CHANGE_FIELDS,
  changeKey,
  planIsEmpty,
  type ReimportChoices,
  type ReimportPlan,
} from '../io/csv-import';
import { useMapStore } from '../store/map-store';
import { viewport } from '../actions/viewport';
import { laidOut } from './import-layout';
import { t as translate } from '../i18n';

/** "3 new, 5 updated, 2 marked as left the company" in the current language: what a re-import did. */
function describeChanges(changes: ReimportChanges): string {
  const { added, updated, left, back } = reimportCounts(changes);
  const parts = [
    added ? translate('reimport.summary.added', { count: added }) : '',
    updated ? translate('reimport.summary.updated', { count: updated }) : '',
    left ? translate('reimport.summary.left', { count: left }) : '',
    back ? translate('reimport.summary.back', { count: back }) : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : translate('reimport.summary.nothing');
}

interface Row {
  key: string;
  content: ReactNode;
}

/** One group of the review: a fieldset with All / None and a tick box per row. */
function ReviewGroup({ title, rows, chosen, onChange }: { title: string; rows: Row[]; chosen: ReadonlySet<string>; onChange(next: Set<string>): void }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  const keys = rows.map((row) => row.key);
  return (
    <fieldset className="pm-review-group">
      <legend>
        {t('reimport.group', { title, chosen: keys.filter((key) => chosen.has(key)).length, total: rows.length })}
      </legend>
      <div className="pm-review-group__all">
        <button type="button" aria-label={t('reimport.acceptAll', { title })} onClick={() => onChange(new Set([...chosen, ...keys]))}>
          {t('reimport.all')}
        </button>
        <button type="button" aria-label={t('reimport.acceptNone', { title })} onClick={() => onChange(new Set([...chosen].filter((key) => !keys.includes(key))))}>
          {t('reimport.none')}
        </button>
      </div>
      <ul>
        {rows.map((row) => (
          <li key={row.key}>
            <label className="pm-review-row">
              <input
                type="checkbox"
                checked={chosen.has(row.key)}
                onChange={(event) => onChange(event.target.checked ? new Set([...chosen, row.key]) : new Set([...chosen].filter((key) => key !== row.key)))}
              />
              <span>{row.content}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export interface ReimportReviewProps {
  plan: ReimportPlan;
  /** The open map the plan was made against: if it changed meanwhile, nothing is applied. */
  target: AccountMap;
  fileName: string;
  onClose(): void;
}

type Outcome = { kind: 'reviewing' } | { kind: 'applying' } | { kind: 'applied'; summary: string; skipped: string[] } | { kind: 'failed'; message: string };

export function ReimportReview({ plan, target, fileName, onClose }: ReimportReviewProps) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<ReimportChoices>(() => acceptAll(plan));
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'reviewing' });
  const departmentName = (id: string | null) => (id ? (target.departments[id]?.name ?? plan.added.departments.find((d) => d.id === id)?.name ?? '') : '');
  const accepted = choices.added.size + choices.changes.size + choices.left.size + choices.back.size;

  const apply = async () => {
    setOutcome({ kind: 'applying' });
    const { changes, skipped } = acceptedChanges(plan, choices);
    try {
      const edit: Edit = { type: 'reimport', changes };
      const updated = applyEdit(target, edit);
      const only = reimportPlacements(target, changes);
      const placed = only.size ? await laidOut(updated, only) : updated;
      const store = useMapStore.getState();
      if (store.map !== target) throw new CommandError(t('reimport.mapChanged'));
      // One batch under the reimport's name: one undo takes the update and the new people's layout back.
      if (!store.run({ type: 'batch', label: { key: 'reimport.undoLabel' }, edits: [edit, arrangementBetween(updated, placed)] })) {
        setOutcome({ kind: 'failed', message: t('reimport.nothingChanged') });
        return;
      }
      store.select([...changes.stakeholders.map((person) => person.id), ...changes.updates.map((update) => update.id), ...changes.left, ...(changes.back ?? [])]);
      if (changes.stakeholders.length) setTimeout(() => viewport.fit({ padding: 0.1, duration: 300 }), 50);
      setOutcome({ kind: 'applied', summary: describeChanges(changes), skipped });
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      setOutcome({ kind: 'failed', message: error.message });
    }
  };

  const notes = plan.notes.length > 0 || plan.added.badRows.length > 0 ? (
    <ul className="pm-report" aria-label={t('importer.notesLabel')}>
      {plan.added.badRows.slice(0, 20).map((bad) => (
        <li key={`line ${bad.line}`}>{t('importer.lineReason', { line: bad.line, reason: bad.reason })}</li>
      ))}
      {plan.notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  ) : null;
  const done = (
    <div className="pm-dialog__actions">
      <button type="button" className="pm-primary" data-autofocus onClick={onClose}>
        {t('importer.report.done')}
      </button>
    </div>
  );

  if (planIsEmpty(plan)) {
    return (
      <>
        <p className="pm-dialog__body" role="status">
          {t('reimport.noChanges')}
        </p>
        {notes}
        {done}
      </>
    );
  }
  if (outcome.kind === 'applied') {
    return (
      <>
        <p className="pm-dialog__body" role="status">
          {t('reimport.applied', { name: target.name, file: fileName, summary: outcome.summary })}
        </p>
        {outcome.skipped.length ? (
          <ul className="pm-report" aria-label={t('reimport.notApplied')}>
            {outcome.skipped.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
        {done}
      </>
    );
  }

  const newRows: Row[] = plan.added.stakeholders.map((person) => ({
    key: person.id,
    content: [person.name, person.title, departmentName(person.departmentId)].filter(Boolean).join(', '),
  }));
  const changeRows: Row[] = plan.changed.flatMap((person) =>
    CHANGE_FIELDS.flatMap((field) => {
      const change = person[field];
      if (!change) return [];
      return [
        {
          key: changeKey(person.id, field),
          content: (
            <>
              <strong>{person.name}</strong>, {t(`reimport.field.${field}`)}: <del>{change.from || t('reimport.noValue')}</del> → <ins>{change.to}</ins>
              {change.conflict ? (
                <>
                  {' '}
                  <em className="pm-review-conflict">{t('reimport.conflict')}</em>
                </>
              ) : null}
            </>
          ),
        },
      ];
    }),
  );
  const personRow = (person: { id: string; name: string; title: string }): Row => ({ key: person.id, content: [person.name, person.title].filter(Boolean).join(', ') });
  const missingRows = plan.missing.map(personRow);
  const returnedRows = plan.returned.map(personRow);

  return (
    <form
      className="pm-review"
      onSubmit={(event) => {
        event.preventDefault();
        if (accepted > 0 && outcome.kind !== 'applying') void apply();
      }}
    >
      <p className="pm-dialog__body">
        {t('reimport.intro', { file: fileName })}
      </p>
      <ReviewGroup title={t('reimport.newPeople')} rows={newRows} chosen={choices.added} onChange={(added) => setChoices({ ...choices, added })} />
      <ReviewGroup title={t('reimport.changed')} rows={changeRows} chosen={choices.changes} onChange={(changes) => setChoices({ ...choices, changes })} />
      {plan.changed.some((person) => CHANGE_FIELDS.some((field) => person[field]?.conflict)) ? (
        <p className="pm-hint">{t('reimport.conflictHint')}</p>
      ) : null}
      <ReviewGroup
        title={t('reimport.missing')}
        rows={missingRows}
        chosen={choices.left}
        onChange={(left) => setChoices({ ...choices, left })}
      />
      {plan.missing.length ? <p className="pm-hint">{t('reimport.missingHint')}</p> : null}
      <ReviewGroup
        title={t('reimport.returned')}
        rows={returnedRows}
        chosen={choices.back}
        onChange={(back) => setChoices({ ...choices, back })}
      />
      {plan.returned.length ? (
        <p className="pm-hint">{t('reimport.returnedHint')}</p>
      ) : null}
      {notes}
      {outcome.kind === 'failed' ? (
        <p className="pm-field-error" role="alert">
          {outcome.message}
        </p>
      ) : null}
      <div className="pm-dialog__actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="pm-primary" disabled={accepted === 0 || outcome.kind === 'applying'}>
          {t('reimport.apply', { count: accepted })}
        </button>
      </div>
    </form>
  );
}
