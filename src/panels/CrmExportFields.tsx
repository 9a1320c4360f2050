// The CRM part of the export dialog: which CRM the file is for, and what the admin should know before
// loading it (people without a CRM id become new records; placeholder seats are left out). These
// words are translated; the file's column names and values are not (see io/crm-export.ts).
import { useTranslation } from 'react-i18next';
import { t as translate } from '../i18n';
import type { AccountMap } from '../domain/types';
import type { CrmFormat } from '../io/crm-export';
import { crmPeople } from '../io/crm-people';
import { useMapStore } from '../store/map-store';
import { Choice } from './Choice';

export function CrmExportFields({ crm, onChange, selection }: { crm: CrmFormat; onChange(crm: CrmFormat): void; selection: readonly string[] | null }) {
  const { t } = useTranslation();
  const map = useMapStore((s) => s.map);
  const counts = map ? crmPeople(map, selection) : null;
  return (
    <>
      <fieldset>
        <legend>{t('crm.columnsFor')}</legend>
        <Choice name="crm" value="salesforce" current={crm} onChange={onChange}>
          Salesforce
        </Choice>
        <Choice name="crm" value="hubspot" current={crm} onChange={onChange}>
          HubSpot
        </Choice>
      </fieldset>
      {counts ? (
        <p className="pm-dialog__hint" data-testid="crm-export-summary">
          {[
            t('crm.inFile', { count: counts.people.length }),
            counts.withoutId > 0 ? t('crm.withoutId', { count: counts.withoutId }) : '',
            counts.placeholders > 0 ? t('crm.placeholders', { count: counts.placeholders }) : '',
            crm === 'salesforce' ? t('crm.salesforceFields') : t('crm.hubspotFields'),
          ]
            .filter(Boolean)
            .join(' ')}
        </p>
      ) : null}
    </>
  );
}

/** The file for the download, with a notice for what the admin should know. */
export async function renderCrmBlob(map: AccountMap, crm: CrmFormat, selection: readonly string[] | null, note: (message: string) => void): Promise<Blob> {
  const { renderCrmCsv } = await import('../io/crm-export');
  const result = renderCrmCsv(map, crm, selection);
  if (result.managersWithoutId > 0) {
    note(translate('crm.managersWithoutId', { count: result.managersWithoutId }));
  }
  return new Blob([result.csv], { type: 'text/csv;charset=utf-8' });
}
