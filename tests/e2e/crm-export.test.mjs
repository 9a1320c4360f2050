// Back to the CRM: people imported from Salesforce, plus one drawn by hand, go out as a CSV with
// Salesforce's API field names or HubSpot's property labels, CRM ids and managers kept, a byte-order
// mark for Excel, and formulas neutralised.
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { card, useApp } from './harness.mjs';

const app = useApp();

const CONTACTS = [
  'Id,FirstName,LastName,Title,Department,Email,Phone,ReportsToId',
  '003Aa00000CEO00AAA,Łucja,Wróbel,Prezes Zarządu,Zarząd,lucja@example.com,+48 22 555 01 23,',
  '003Aa00000CFO00AAA,Γιώργος,Παπαδόπουλος,Οικονομικός Διευθυντής,Finance,giorgos@example.com,+30 210 123 4567,003Aa00000CEO00AAA',
  '003Aa00000CIO00AAA,Мария,Иванова,"=HYPERLINK(""http://evil.example"",""x"")",IT,maria@example.com,,003Aa00000CEO00AAA',
].join('\r\n');

async function exportCrm(page, crm) {
  await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name: 'Export PNG' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export image' });
  await dialog.getByRole('radio', { name: 'CRM CSV (people)' }).check();
  await dialog.getByRole('radio', { name: crm }).check();
  await dialog.getByText('4 people in the file. 1 person without a CRM id goes in with an empty id: the CRM creates it as a new record.').waitFor();
  const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download CSV' }).click()]);
  const bytes = await readFile(await file.path());
  const parsed = Papa.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  return { name: file.suggestedFilename(), bytes, text: bytes.toString('utf8'), rows: parsed.data, fields: parsed.meta.fields };
}

test('people imported from Salesforce and one drawn by hand go back out as Salesforce and HubSpot CSVs', async () => {
  const { page, pageErrors, externalRequests } = await app.openApp({ viewport: { width: 1400, height: 900 } });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import map or CSV…' }).click()]);
  await chooser.setFiles({ name: 'Contact.csv', mimeType: 'text/csv', buffer: Buffer.from(CONTACTS) });
  const importDialog = page.getByRole('dialog', { name: 'Import stakeholders as a new map' });
  await importDialog.getByLabel('Name of the new account map').fill('Wróbel Holding');
  await importDialog.getByRole('button', { name: 'Import 3 rows' }).click();
  await importDialog.getByText('Imported 3 stakeholders').waitFor();
  await importDialog.getByRole('button', { name: 'Open map' }).click();
  await card(page, 'Мария Иванова').waitFor();

  await page.keyboard.press('n');
  const name = page.getByRole('textbox', { name: 'Name of New stakeholder' });
  await name.fill('Nadia Petrova');
  await name.press('Enter');
  await card(page, 'Nadia Petrova').waitFor();

  const salesforce = await exportCrm(page, 'Salesforce');
  assert.equal(salesforce.name, 'Wróbel Holding.salesforce.csv');
  assert.deepEqual([...salesforce.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a byte-order mark');
  assert.match(salesforce.text, /\r\n/);
  assert.deepEqual(salesforce.fields.slice(0, 8), ['Id', 'FirstName', 'LastName', 'Title', 'Department', 'Email', 'Phone', 'ReportsToId']);
  assert.ok(salesforce.fields.includes('Powermap_Stance__c'));
  const giorgos = salesforce.rows.find((row) => row.Id === '003Aa00000CFO00AAA');
  assert.deepEqual(
    [giorgos.FirstName, giorgos.LastName, giorgos.Title, giorgos.Department, giorgos.Phone, giorgos.ReportsToId, giorgos.Powermap_Reports_To__c],
    ['Γιώργος', 'Παπαδόπουλος', 'Οικονομικός Διευθυντής', 'Finance', '+30 210 123 4567', '003Aa00000CEO00AAA', 'Łucja Wróbel'],
  );
  assert.equal(salesforce.rows.find((row) => row.Id === '003Aa00000CIO00AAA').Title, `'=HYPERLINK("http://evil.example","x")`);
  assert.equal(salesforce.rows.find((row) => row.LastName === 'Petrova').Id, '', 'a person drawn by hand goes in as a new record');

  const hubspot = await exportCrm(page, 'HubSpot');
  assert.equal(hubspot.name, 'Wróbel Holding.hubspot.csv');
  assert.deepEqual(hubspot.fields.slice(0, 4), ['Record ID', 'First Name', 'Last Name', 'Job Title']);
  const lucja = hubspot.rows.find((row) => row['Record ID'] === '003Aa00000CEO00AAA');
  assert.deepEqual([lucja['First Name'], lucja['Last Name'], lucja['Phone Number'], lucja['Powermap Department']], ['Łucja', 'Wróbel', '+48 22 555 01 23', 'Zarząd']);

  assert.deepEqual(externalRequests, []);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});
