// Importing a file without a CRM id column into an open map (a Dynamics 365 user list, a spreadsheet):
// nothing but the name tells that a row is someone already on the map, so the dialog says so before
// anything is imported and offers to skip the rows whose name is someone's on the map. Ticked by
// default: within one customer two different people of the same full name are rare, while a second
// card for the same person splits their stance, notes and lines; the report lists the skipped lines,
// and unticking adds them anyway.
import type { AccountMap } from '../domain/types';

export interface NoIdWarningProps {
  /** The rows named like someone on the map (rowsNamedOnMap, counted where the rows are). */
  named: { count: number; names: string[] };
  target: AccountMap;
  skip: boolean;
  onSkip(skip: boolean): void;
}

export function NoIdWarning({ named, target, skip, onSkip }: NoIdWarningProps) {
  const shown = named.names.slice(0, 3).join(', ') + (named.names.length > 3 ? ', …' : '');
  // An empty map has nobody to add twice.
  if (Object.keys(target.stakeholders).length === 0) return null;
  return (
    <div className="pm-csv-no-id">
      <p className="pm-csv-warning">
        This file has no CRM id column, so only a name tells that someone is already on “{target.name}”: people on the map
        may be added a second time.
      </p>
      {named.count > 0 ? (
        <label className="pm-csv-check">
          <input type="checkbox" checked={skip} onChange={(event) => onSkip(event.target.checked)} />
          Skip the {named.count === 1 ? 'row' : `${named.count.toLocaleString()} rows`} named like someone on the map ({shown}). Untick to add{' '}
          {named.count === 1 ? 'it' : 'them'} anyway, e.g. for a different person of the same name.
        </label>
      ) : null}
    </div>
  );
}
