// The CRM part of the export dialog: which CRM the file is for, and what the admin should know before
// loading it (people without a CRM id become new records; placeholder seats are left out).
import type { AccountMap } from '../domain/types';
import type { CrmFormat } from '../io/crm-export';
import { crmPeople } from '../io/crm-people';
import { useMapStore } from '../store/map-store';
import { Choice } from './Choice';

const people = (count: number) => (count === 1 ? '1 person' : `${count.toLocaleString('en')} people`);

export function CrmExportFields({ crm, onChange, selection }: { crm: CrmFormat; onChange(crm: CrmFormat): void; selection: readonly string[] | null }) {
  const map = useMapStore((s) => s.map);
  const counts = map ? crmPeople(map, selection) : null;
  return (
    <>
      <fieldset>
        <legend>Column names for</legend>
        <Choice name="crm" value="salesforce" current={crm} onChange={onChange}>
          Salesforce
        </Choice>
        <Choice name="crm" value="hubspot" current={crm} onChange={onChange}>
          HubSpot
        </Choice>
      </fieldset>
      {counts ? (
        <p className="pm-dialog__hint" data-testid="crm-export-summary">
          {people(counts.people.length)} in the file.
          {counts.withoutId > 0 ? ` ${people(counts.withoutId)} without a CRM id ${counts.withoutId === 1 ? 'goes' : 'go'} in with an empty id: the CRM creates ${counts.withoutId === 1 ? 'it as a new record' : 'them as new records'}.` : ''}
          {counts.placeholders > 0 ? ` ${counts.placeholders === 1 ? '1 placeholder seat is' : `${counts.placeholders} placeholder seats are`} left out.` : ''}
          {crm === 'salesforce'
            ? ' Stance, influence, buying roles, owner, manager name and left company go into custom fields (Powermap_Stance__c…) your admin creates once.'
            : ' Department, stance, influence, manager and left company go into custom properties (Powermap Stance…) your admin creates once.'}
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
    note(`${people(result.managersWithoutId)} report to someone without a CRM id: their manager is named in the file, but the CRM link is left empty. Load the managers first, or set it in the CRM.`);
  }
  return new Blob([result.csv], { type: 'text/csv;charset=utf-8' });
}
