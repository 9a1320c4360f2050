// Importing from the home view, beyond one map: a real export of many accounts made into one map per
// account, and a large import cancelled half-way, which must leave the stored maps as they were.
import { test } from 'node:test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { repoRoot, useApp } from './harness.mjs';

const app = useApp();

async function chooseFile(page, file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import map or CSV…' }).click()]);
  await chooser.setFiles(file);
}

/** The maps the home view lists: name → "N stakeholders". */
async function homeMaps(page) {
  const items = page.getByRole('button', { name: /^Open / });
  const listed = await items.evaluateAll((buttons) =>
    // The count is in the line that describes the button (aria-describedby), as a screen reader hears it.
    buttons.map((button) => {
      const description = document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
      return [button.querySelector('.pm-home__name')?.textContent ?? '', /· ([\d,]+) stakeholders? ·/.exec(description)?.[1] ?? '?'];
    }),
  );
  return new Map(listed);
}

test('a real Dynamics 365 export of 34 accounts becomes one map per account, each named after it with its people', async () => {
  const { page, pageErrors, externalRequests } = await app.openApp({ viewport: { width: 1400, height: 1000 } });
  await page.getByRole('button', { name: 'Open Nordwind Logistics AG' }).waitFor();
  await chooseFile(page, join(repoRoot, 'tests/fixtures/crm-exports/dynamics365-contacts.csv'));

  const dialog = page.getByRole('dialog', { name: 'Import stakeholders as a new map' });
  await dialog.getByText('looks like a Dynamics 365 contacts export: 199 rows').waitFor();
  // The six rows whose cells slipped one column to the left name no person, so they are no account.
  await dialog.getByLabel('Account to map').selectOption({ label: 'Each account as its own map (34 maps)' });
  await dialog.getByRole('button', { name: 'Make 34 maps' }).click();
  await dialog.getByText('Made 34 maps, one per account, with 193 stakeholders').waitFor({ timeout: 120_000 });
  // The six rows that are in no map are said, not dropped in silence.
  await dialog.getByText('6 rows in no account’s map (no account, or no one named in it) left out.').waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();

  // Counted from the file: the rows of each company that name a person.
  await page.getByRole('button', { name: 'Open Contoso Ltd.' }).waitFor();
  const maps = await homeMaps(page);
  assert.equal(maps.size, 35, 'the sample map and one map per account');
  const expected = { 'Contoso Ltd.': '28', 'Trey Research': '14', 'Northwind Traders': '9', 'Fabrikam Inc.': '9', "Munson's Pickles and Preserves Farm": '6', 'Wide World Importers': '3' };
  for (const [name, count] of Object.entries(expected)) assert.equal(maps.get(name), count, `${name}: ${maps.get(name)} stakeholders`);
  assert.equal([...maps.values()].filter((count) => count === '0').length, 0, 'no empty map');

  // A map opens with its own people only.
  await page.getByRole('button', { name: 'Open Trey Research' }).click();
  await page.getByRole('complementary', { name: 'Inspector' }).getByText(/^14 stakeholders/).waitFor();
  assert.deepEqual(externalRequests, []);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('a 20,000-row import keeps the page answering; Cancel stores nothing, and importing again stores one map', async () => {
  const { page, pageErrors } = await app.openApp();
  await page.getByRole('button', { name: 'Open Nordwind Logistics AG' }).waitFor();
  const before = await homeMaps(page);
  const lines = ['First Name,Last Name,Job Title,Department,Reports To'];
  for (let i = 0; i < 20_000; i++) lines.push(`P${i},${i % 50 ? `M${i}` : 'Lead'},Role ${i % 7},Team ${Math.floor(i / 50) % 60},${i % 50 ? `P${i - (i % 50)} Lead` : ''}`);
  const dir = await mkdtemp(join(tmpdir(), 'powermap-e2e-'));
  const file = join(dir, 'big.csv');
  await writeFile(file, lines.join('\n'));
  try {
    await chooseFile(page, file);
    const dialog = page.getByRole('dialog', { name: 'Import stakeholders as a new map' });
    await dialog.getByLabel('Name of the new account map').fill('Big account');
    // A column choice the user made survives a cancelled import.
    await dialog.getByLabel('Title', { exact: true }).selectOption({ label: 'Not imported' });
    await dialog.getByRole('button', { name: 'Import 20,000 rows' }).click();
    await dialog.getByRole('progressbar', { name: 'Import progress' }).waitFor();
    // The work runs off the page: a timer set now fires within a few frames, not after the import.
    const answered = await page.evaluate(() => new Promise((resolve) => { const at = performance.now(); setTimeout(() => resolve(performance.now() - at), 0); }));
    assert.ok(answered < 200, `the page answered after ${answered} ms`);
    await dialog.getByRole('button', { name: 'Cancel import' }).click();
    await dialog.getByText('Import cancelled: nothing was imported.').waitFor();
    assert.deepEqual(await homeMaps(page), before, 'nothing was stored');
    assert.equal(await dialog.getByLabel('Title', { exact: true }).locator('option:checked').textContent(), 'Not imported');
    // Again, to the end: one map. A cancelled import still running would have stored a second one by now.
    await dialog.getByRole('button', { name: 'Import 20,000 rows' }).click();
    await dialog.getByText('Imported 20,000 stakeholders').waitFor({ timeout: 300_000 });
    await dialog.getByRole('button', { name: 'Open map' }).waitFor();
    await page.waitForTimeout(1000);
    await page.reload();
    await page.getByRole('button', { name: 'Open Big account' }).waitFor();
    const after = await homeMaps(page);
    assert.equal(after.size, before.size + 1, `maps now: ${[...after.keys()].join(', ')}`);
    assert.equal(after.get('Big account'), '20,000');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});
