// Bringing a CRM export into the app in an e2e test: a file given to the chooser a button opens,
// and a new map made from a file on the home view.
import { join } from 'node:path';
import { repoRoot } from './harness.mjs';

/** A real Salesforce API export, and the same file with the edits in its folder's README (a newer export). */
export const OLDER_EXPORT = join(repoRoot, 'tests/fixtures/crm-exports/salesforce-api-export-contact-reportsto.csv');
export const NEWER_EXPORT = join(repoRoot, 'tests/fixtures/crm-exports-reimport/salesforce-api-export-contact-reportsto-newer.csv');

export async function chooseFile(page, button, file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(file);
}

/** From the home view: a new map named `name` from `file`, opened. */
export async function importAsNewMap(page, file, name, rows, report) {
  await chooseFile(page, page.getByRole('button', { name: 'Import map or CSV…' }), file);
  const first = page.getByRole('dialog', { name: 'Import stakeholders as a new map' });
  await first.getByLabel('Name of the new account map').fill(name);
  await first.getByRole('button', { name: `Import ${rows} rows` }).click();
  await first.getByText(report).waitFor();
  await first.getByRole('button', { name: 'Open map' }).click();
}

/**
 * From the home view: the bench's generated map of `size` people (bench/generate-map.mjs), named
 * `name`, brought in as a map file and opened. Returns the map as generated.
 */
export async function openGeneratedMap(page, size, name) {
  const { generateMap } = await import('../../bench/generate-map.mjs');
  const map = { ...generateMap({ size }), name };
  const file = JSON.stringify({ format: 'powermap', schemaVersion: 1, map });
  await chooseFile(page, page.getByRole('button', { name: 'Import map or CSV…' }), { name: 'large.powermap.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.getByRole('dialog', { name: `Imported “${name}”` }).getByRole('button', { name: 'Open map' }).click({ timeout: 120_000 });
  await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('heading', { name }).waitFor({ timeout: 120_000 });
  return map;
}
