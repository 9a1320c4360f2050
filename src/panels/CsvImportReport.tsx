// The end of a CSV import: what was made (people, new departments, reports-to links), the rows left
// out and why, the notes of the import, and the way to the new map.
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from './csv-import-run';

export interface CsvImportReportProps {
  summary: ImportSummary;
  mapName: string;
  newMapId: string | null;
  maps: number;
  onClose(): void;
  onOpen(mapId: string): void;
}

/** Rows listed one by one at most; the rest are counted. */
const LISTED_ROWS = 50;

export function CsvImportReport({ summary, mapName, newMapId, maps, onClose, onOpen }: CsvImportReportProps) {
  const { t } = useTranslation();
  const counts = { stakeholders: summary.stakeholders, departments: summary.departments, links: summary.links, name: mapName, maps };
  const made =
    maps > 1
      ? t(summary.departments ? 'importer.report.mapsWithDepartments' : 'importer.report.maps', counts)
      : t(summary.departments ? 'importer.report.intoWithDepartments' : 'importer.report.into', counts);
  return (
    <>
      <div className="pm-dialog__body" role="status">
        <p>{made}</p>
        {summary.otherAccounts > 0 ? (
          <p>{t(maps > 1 ? 'importer.report.inNoMap' : 'importer.report.otherAccounts', { count: summary.otherAccounts })}</p>
        ) : null}
      </div>
      {summary.badRows.length > 0 ? (
        <>
          <p>{t('importer.report.badRows', { count: summary.badRows.length })}</p>
          <ul className="pm-report" aria-label={t('importer.report.badRowsLabel')}>
            {summary.badRows.slice(0, LISTED_ROWS).map((bad) => (
              <li key={bad.line}>{t('importer.lineReason', { line: bad.line, reason: bad.reason })}</li>
            ))}
            {summary.badRows.length > LISTED_ROWS ? <li>{t('importer.report.more', { count: summary.badRows.length - LISTED_ROWS })}</li> : null}
          </ul>
        </>
      ) : null}
      {summary.notes.length > 0 ? (
        <ul className="pm-report" aria-label={t('importer.notesLabel')}>
          {summary.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      <div className="pm-dialog__actions">
        {newMapId ? (
          <button
            type="button"
            className="pm-primary"
            data-autofocus
            onClick={() => {
              onClose();
              onOpen(newMapId);
            }}
          >
            {t('importer.report.openMap')}
          </button>
        ) : (
          <button type="button" className="pm-primary" data-autofocus onClick={onClose}>
            {t('importer.report.done')}
          </button>
        )}
      </div>
    </>
  );
}
