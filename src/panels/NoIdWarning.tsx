// Importing a file without a CRM id column into an open map (a Dynamics 365 user list, a spreadsheet):
// nothing but the name tells that a row is someone already on the map, so the dialog says so before
// anything is imported and offers to skip the rows whose name is someone's on the map. Ticked by
// default: within one customer two different people of the same full name are rare, while a second
// card for the same person splits their stance, notes and lines; the report lists the skipped lines,
// and unticking adds them anyway.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountMap } from '../domain/types';
import { rowsNamedOnMap, type ColumnMapping, type ParsedCsv } from '../io/csv-import';

export interface NoIdWarningProps {
  parsed: ParsedCsv;
  mapping: ColumnMapping;
  target: AccountMap;
  /** The account the import is limited to, if any. */
  account: string | undefined;
  skip: boolean;
  onSkip(skip: boolean): void;
}

export function NoIdWarning({ parsed, mapping, target, account, skip, onSkip }: NoIdWarningProps) {
  const { t } = useTranslation();
  const named = useMemo(() => rowsNamedOnMap(parsed, mapping, target, account), [parsed, mapping, target, account]);
  const shown = named.names.slice(0, 3).join(', ') + (named.names.length > 3 ? ', …' : '');
  // An empty map has nobody to add twice.
  if (Object.keys(target.stakeholders).length === 0) return null;
  return (
    <div className="pm-csv-no-id">
      <p className="pm-csv-warning">
        {t('importer.noId.warning', { name: target.name })}
      </p>
      {named.count > 0 ? (
        <label className="pm-csv-check">
          <input type="checkbox" checked={skip} onChange={(event) => onSkip(event.target.checked)} />
          {t('importer.noId.skip', { count: named.count, names: shown })}
        </label>
      ) : null}
    </div>
  );
}
