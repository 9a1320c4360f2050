// Files in: a CRM's CSV becomes an org chart, a map file goes out and comes back, bad files get a
// clear message and leave the stored maps alone.
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { allCards, card, openSample, repoRoot, screenshot, useApp } from './harness.mjs';

const app = useApp();

/**
 * A Salesforce data export of 61 contacts: a CEO, six department heads reporting to her and
 * nine people under each head. API-name columns, every field quoted, CRLF line ends.
 */
function salesforceExport() {
  const departments = ['Finance', 'IT', 'Procurement', 'Operations', 'Legal', 'Sales'];
  const first = ['Ada', 'Bram', 'Cleo', 'Dirk', 'Eva', 'Finn', 'Gina', 'Hans', 'Ilse', 'Jan'];
  const rows = [['Id', 'FirstName', 'LastName', 'Title', 'Department', 'Email', 'ReportsToId', 'AccountId']];
  const account = '001Aa000001XyZqIAK';
  rows.push(['003Aa00000CEO00AAA', 'Marta', 'Vogel', 'Chief Executive Officer', 'Executive', 'marta.vogel@example.com', '', account]);
  departments.forEach((department, d) => {
    const headId = `003Aa00000H${d}000AAA`;
    rows.push([headId, first[d], `Head${d}`, `Head of ${department}`, department, `head${d}@example.com`, '003Aa00000CEO00AAA', account]);
    for (let p = 0; p < 9; p++) {
      rows.push([`003Aa0000P${d}${p}000AAA`, first[p], `${department}son`, `${department} specialist, level ${p}`, department, `p${d}${p}@example.com`, headId, account]);
    }
  });
  return rows.map((row) => row.map((cell) => `"${cell}"`).join(',')).join('\r\n') + '\r\n';
}

async function chooseFile(page, button, file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(file);
}

const homeImport = (page) => page.getByRole('button', { name: 'Import map or CSV…' });

test('a Salesforce CSV of 61 people becomes a new map laid out as an org chart with its reporting lines', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1600, height: 900 } });
  await chooseFile(page, homeImport(page), { name: 'nordwind-contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(salesforceExport()) });

  const dialog = page.getByRole('dialog', { name: 'Import stakeholders as a new map' });
  await dialog.getByText('looks like a Salesforce data export: 61 rows').waitFor();
  assert.equal(await dialog.getByLabel('Name of the new account map').inputValue(), 'nordwind contacts');
  await dialog.getByLabel('Name of the new account map').fill('Nordwind from Salesforce');
  // The guessed columns are shown and can be changed.
  assert.equal(await dialog.getByLabel('Manager id').locator('option:checked').textContent(), 'ReportsToId');
  assert.equal(await dialog.getByRole('table', { name: 'Preview of the first rows' }).getByRole('row').count(), 6);
  // The dialog is taller than the screen, but Import stays in sight at its foot, not scrolled away.
  const importButton = dialog.getByRole('button', { name: 'Import 61 rows' });
  const { y, height } = await importButton.boundingBox();
  assert.ok(y >= 0 && y + height <= 900, `Import is on screen (at y ${y.toFixed(0)} of 900)`);
  await importButton.click();

  await dialog.getByText('Imported 61 stakeholders, 7 new departments and 60 reports-to links into “Nordwind from Salesforce”.').waitFor();
  await dialog.getByRole('button', { name: 'Open map' }).click();
  await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('heading', { name: 'Nordwind from Salesforce' }).waitFor();

  // The whole map fits the screen, so every card and line is drawn.
  const cards = allCards(page);
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__node-stakeholder').length === 61);
  assert.equal(await cards.count(), 61);
  assert.equal(await page.locator('[aria-label^="Link: reports-to. "]').count(), 60);
  for (const name of ['Department: Finance', 'Department: Sales', 'Department: Executive']) {
    await page.getByRole('group', { name }).waitFor();
  }

  // Readable without dragging: no two cards overlap, and a head sits above the people who report to them.
  const boxes = await cards.evaluateAll((elements) =>
    elements.map((element) => {
      const r = element.getBoundingClientRect();
      return { label: element.getAttribute('aria-label'), x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const overlap = a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
      assert.ok(!overlap, `${a.label} overlaps ${b.label}`);
    }
  }
  const head = boxes.find((box) => box.label.startsWith('Stakeholder: Bram Head1'));
  const report = boxes.find((box) => box.label.startsWith('Stakeholder: Ada ITson'));
  assert.ok(head.y + head.h <= report.y, 'the head of IT is above an IT specialist');

  await screenshot(page, 'csv-import');
  // One undo would not apply here (a new map starts with an empty history); the import is the map.
  assert.equal(await page.getByRole('button', { name: 'Undo' }).isDisabled(), true);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('a map saved as a file comes back as a second map, and a bad CSV row is listed by line', async () => {
  const { page, pageErrors } = await app.openApp();
  await page.getByRole('button', { name: 'Open Nordwind Logistics AG' }).click();
  const toolbar = page.getByRole('toolbar', { name: 'Map toolbar' });
  await page.getByRole('group', { name: 'Department: IT' }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), toolbar.getByRole('button', { name: 'Save map file' }).click()]);
  assert.equal(download.suggestedFilename(), 'nordwind-logistics-ag.powermap.json');
  const text = await readFile(await download.path(), 'utf8');
  const file = JSON.parse(text);
  assert.equal(file.format, 'powermap');
  assert.equal(Object.keys(file.map.stakeholders).length, 24);

  // Import into the stakeholders' own map from the map view: a CSV with one nameless row.
  const csv = 'First Name;Last Name;Title;Department\r\nLotte;Brink;Fleet Manager;Operations\r\n;;Assistant;Operations\r\n';
  await chooseFile(page, toolbar.getByRole('button', { name: 'Import map file or CSV' }), { name: 'extra.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const csvDialog = page.getByRole('dialog', { name: 'Import stakeholders into “Nordwind Logistics AG”' });
  await csvDialog.getByRole('button', { name: 'Import 2 rows' }).click();
  await csvDialog.getByText('Imported 1 stakeholder').waitFor();
  assert.match(await csvDialog.getByRole('list', { name: 'Rows not imported' }).textContent(), /Line 3: /);
  await csvDialog.getByRole('button', { name: 'Done' }).click();
  await card(page, 'Lotte Brink').waitFor();
  // The import is one undo step.
  await toolbar.getByRole('button', { name: 'Undo' }).click();
  await card(page, 'Lotte Brink').waitFor({ state: 'detached' });

  // Back home, import the saved file: the same map id is already stored, so keep both.
  await page.getByRole('button', { name: 'Back to all maps' }).click();
  await chooseFile(page, homeImport(page), { name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
  const conflict = page.getByRole('dialog', { name: '“Nordwind Logistics AG” is already here' });
  await conflict.getByRole('button', { name: 'Keep both' }).click();
  const report = page.getByRole('dialog', { name: 'Imported “Nordwind Logistics AG (imported)”' });
  await report.getByText(`24 stakeholders, 12 departments and ${Object.keys(file.map.links).length} links.`).waitFor();
  await report.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Open Nordwind Logistics AG (imported)' }).click();
  await page.getByRole('group', { name: 'Department: IT' }).waitFor();
  await card(page, 'Henrik Larsen').waitFor();
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('three kinds of bad file each get a clear message, and the stored maps are untouched', async () => {
  const { page, pageErrors } = await app.openApp();
  const list = page.getByRole('list', { name: 'Account maps' });
  await list.getByRole('listitem').first().waitFor();
  const before = await list.getByRole('listitem').count();
  const sampleLine = await list.getByRole('listitem').filter({ hasText: 'Nordwind Logistics AG' }).textContent();

  const alert = page.getByRole('alert');
  const bad = [
    [{ name: 'package.json', mimeType: 'application/json', buffer: Buffer.from('{"name":"powermap","version":"1.0.0"}') }, /holds JSON, but not a Powermap account map/],
    [{ name: 'cut.powermap.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"powermap","schemaVersion":1,"map":{"id":"map_x","name":"Cut') }, /looks cut off/],
    [{ name: 'slide.powermap.json', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]) }, /binary data/],
  ];
  for (const [file, message] of bad) {
    await chooseFile(page, homeImport(page), file);
    await alert.filter({ hasText: message }).waitFor();
    assert.match(await alert.filter({ hasText: message }).textContent(), new RegExp(file.name.replace('.', '\\.')));
    await alert.filter({ hasText: message }).getByRole('button', { name: 'Dismiss message' }).click();
  }

  // Dropped on the window, a name that looks like markup stays text and nothing runs.
  await page.evaluate(() => {
    window.__ran = false;
    const name = '<img src=x onerror="window.__ran=true">';
    const map = { format: 'powermap', schemaVersion: 1, map: { id: 'map_xss', name, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', departments: {}, stakeholders: {}, links: {}, team: {} } };
    const transfer = new DataTransfer();
    transfer.items.add(new File([JSON.stringify(map)], 'odd.powermap.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
  });
  const report = page.getByRole('dialog', { name: 'Imported “<img src=x onerror="window.__ran=true">”' });
  await report.waitFor();
  assert.equal(await page.evaluate(() => window.__ran), false);
  await report.getByRole('button', { name: 'Close' }).click();

  await page.reload();
  await list.getByRole('listitem').first().waitFor();
  // Only the dropped map was added; the sample is listed exactly as before.
  assert.equal(await list.getByRole('listitem').count(), before + 1);
  assert.equal(await list.getByRole('listitem').filter({ hasText: 'Nordwind Logistics AG' }).textContent(), sampleLine);
  await openSample(page);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('a LinkedIn export whose rows name no one is refused in the dialog, before any map is made', async () => {
  const { page, pageErrors } = await app.openApp();
  const list = page.getByRole('list', { name: 'Account maps' });
  await list.getByRole('listitem').first().waitFor();
  const before = await list.getByRole('listitem').count();
  await chooseFile(page, homeImport(page), join(repoRoot, 'tests/fixtures/crm-exports/linkedin-connections.csv'));
  const dialog = page.getByRole('dialog', { name: 'Import stakeholders as a new map' });
  await dialog.getByRole('alert').filter({ hasText: 'No one to import: no row has a name in the name columns.' }).waitFor();
  const importButton = dialog.getByRole('button', { name: 'Import 47 rows' });
  assert.equal(await importButton.isDisabled(), true, 'the import is not offered');
  await screenshot(page, 'import-no-one-named');
  // Choosing a column that does hold something (the date each connection was made) offers it again.
  await dialog.getByLabel('Full name', { exact: true }).selectOption({ label: 'Connected On' });
  await dialog.getByRole('alert').filter({ hasText: 'No one to import' }).waitFor({ state: 'detached' });
  assert.equal(await importButton.isDisabled(), false);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await list.getByRole('listitem').first().waitFor();
  assert.equal(await list.getByRole('listitem').count(), before, 'no map was made');
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('2,000 CRM rows import with a progress bar while the page stays responsive', async (t) => {
  const { page, pageErrors } = await app.openApp();
  const header = 'First Name,Last Name,Job Title,Department,Email,Reports To';
  const rows = [header];
  for (let i = 0; i < 2000; i++) {
    const team = Math.floor(i / 50);
    const manager = i % 50 === 0 ? (i === 0 ? '' : 'Person0 Lead') : `Person${team * 50} Lead`;
    const last = i % 50 === 0 ? 'Lead' : `Member${i}`;
    rows.push(`Person${i},${last},"Role ${i % 7}, level ${i % 3}",Team ${team},p${i}@example.com,${manager}`);
  }
  await chooseFile(page, homeImport(page), { name: 'big-export.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  const dialog = page.getByRole('dialog', { name: 'Import stakeholders as a new map' });
  const started = Date.now();
  await dialog.getByRole('button', { name: 'Import 2,000 rows' }).click();
  // The progress bar shows while the rows are read, and the page answers in the meantime.
  await dialog.getByRole('progressbar', { name: 'Import progress' }).waitFor();
  assert.equal(await page.evaluate(() => new Promise((resolve) => setTimeout(() => resolve('answered'), 0))), 'answered');
  await dialog.getByText('Imported 2,000 stakeholders, 40 new departments and 1,999 reports-to links').waitFor({ timeout: 60_000 });
  t.diagnostic(`2,000 rows imported, laid out and stored in ${Date.now() - started} ms`);
  await dialog.getByRole('button', { name: 'Open map' }).click();
  await page.getByRole('complementary', { name: 'Inspector' }).getByText('2,000 stakeholders · 40 departments · 1,999 links').waitFor();
  // Seen whole, 2,000 people are drawn on one canvas in their stance colours, not as 2,000 cards.
  const far = page.locator('canvas.pm-far-map');
  await far.waitFor();
  assert.equal(await allCards(page).count(), 0);
  // The canvas is drawn by a worker (its pixels are not the page's to read): what it adds to the
  // screen is counted instead, in the middle of the canvas, clear of the overview and the controls.
  const drawnBox = await far.boundingBox();
  const clip = { x: drawnBox.x + drawnBox.width * 0.2, y: drawnBox.y + drawnBox.height * 0.2, width: drawnBox.width * 0.5, height: drawnBox.height * 0.5 };
  const withCanvas = await page.screenshot({ clip });
  await far.evaluate((canvas) => (canvas.style.visibility = 'hidden'));
  const withoutCanvas = await page.screenshot({ clip });
  await far.evaluate((canvas) => (canvas.style.visibility = ''));
  const painted = await page.evaluate(async (shots) => {
    const pixelsOf = async (base64) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
      const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
      context.drawImage(bitmap, 0, 0);
      return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    };
    const [a, b] = await Promise.all(shots.map(pixelsOf));
    let count = 0;
    for (let i = 0; i < a.length; i += 4) if (Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]) > 30) count++;
    return count;
  }, [withCanvas.toString('base64'), withoutCanvas.toString('base64')]);
  t.diagnostic(`the far view drew ${painted} pixels of the middle of the screen`);
  assert.ok(painted > 10_000, `the far view paints the map (${painted} pixels)`);
  // A double click on the far view zooms in there, as on a street map: the cards come back, the
  // canvas goes, and no one was added by the double click.
  const box = await page.locator('.react-flow__pane').boundingBox();
  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
  await allCards(page).first().waitFor();
  await far.waitFor({ state: 'detached' });
  // Its first click selected whoever is drawn under the pointer, as any click on the far view does.
  await page.keyboard.press('Escape');
  await page.getByRole('complementary', { name: 'Inspector' }).getByText('2,000 stakeholders · 40 departments · 1,999 links').waitFor();
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('a real Salesforce export of 77 accounts, with its Account export, becomes one map named after the account picked', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1400, height: 1000 } });
  const exports = join(repoRoot, 'tests/fixtures/crm-exports');
  await chooseFile(page, homeImport(page), join(exports, 'salesforce-api-export-contact-reportsto.csv'));

  const dialog = page.getByRole('dialog', { name: 'Import stakeholders as a new map' });
  await dialog.getByText('looks like a Salesforce data export: 133 rows').waitFor();
  assert.equal(await dialog.getByLabel('Characters').locator('option:checked').textContent(), 'UTF-8');
  // Contacts name their account only by id until the Account export is added.
  await dialog.getByText('This file holds 77 accounts.').waitFor();
  await dialog.getByLabel('Account export (CSV)').setInputFiles(join(exports, 'salesforce-api-export-account.csv'));
  await dialog.getByText('83 accounts named.').waitFor();
  const picker = dialog.getByLabel('Account to map');
  assert.equal(await picker.locator('option:checked').textContent(), 'General Electric (6 people)');
  await picker.selectOption({ label: 'Amgen Inc (5 people)' });
  assert.equal(await dialog.getByLabel('Name of the new account map').inputValue(), 'Amgen Inc');
  await screenshot(page, 'csv-import-account-picker');
  await dialog.getByRole('button', { name: 'Import 5 rows' }).click();

  // Counted from the file: Amgen Inc has 5 contacts; 3 of them report to another Amgen contact.
  await dialog.getByText('Imported 5 stakeholders and 3 reports-to links into “Amgen Inc”.').waitFor();
  await dialog.getByText('128 rows of other accounts (or of none) left out.').waitFor();
  await screenshot(page, 'csv-import-account-report');
  await dialog.getByRole('button', { name: 'Open map' }).click();
  await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('heading', { name: 'Amgen Inc' }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__node-stakeholder').length === 5);
  for (const name of ['Jacob Smith', 'Michael Johnson', 'Ethan Williams', 'Olivia Davis', 'Joshua Davis']) await card(page, name).waitFor();
  assert.equal(await page.locator('[aria-label^="Link: reports-to. "]').count(), 3);

  // The same file again, into this map: the account whose people are here is chosen, and no one is added twice.
  const toolbar = page.getByRole('toolbar', { name: 'Map toolbar' });
  await chooseFile(page, toolbar.getByRole('button', { name: 'Import map file or CSV' }), join(exports, 'salesforce-api-export-contact-reportsto.csv'));
  const again = page.getByRole('dialog', { name: 'Import stakeholders into “Amgen Inc”' });
  assert.equal(await again.getByLabel('Account to map').locator('option:checked').textContent(), '001f4000003NkciAAC (5 people)');
  // People of the file are on the map, so the import is a review of what changed: nothing did.
  await again.getByRole('button', { name: 'Review changes from 5 rows' }).click();
  await again.getByRole('status').filter({ hasText: 'No changes: the map matches this export.' }).waitFor();
  await again.getByRole('button', { name: 'Done' }).click();
  assert.equal(await allCards(page).count(), 5);
  // Nothing changed, so there is nothing to undo.
  assert.equal(await toolbar.getByRole('button', { name: 'Undo' }).isDisabled(), true);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('a Polish Excel CSV in Windows-1250 is read right, and the encoding can be changed in the dialog', async () => {
  const { page, pageErrors } = await app.openApp();
  await chooseFile(page, homeImport(page), join(repoRoot, 'tests/fixtures/csv/polish-windows-1250.csv'));
  const dialog = page.getByRole('dialog', { name: 'Import stakeholders as a new map' });
  const characters = dialog.getByLabel('Characters');
  const preview = dialog.getByRole('table', { name: 'Preview of the first rows' });
  await preview.getByRole('cell', { name: 'Łukasz Wiśniewski' }).first().waitFor();
  assert.match(await characters.locator('option:checked').textContent(), /^Windows-1250/);
  await dialog.getByText('detected from the letters').waitFor();
  // The wrong code page shows the mojibake the user would otherwise have got; the right one brings the names back.
  await characters.selectOption('windows-1252');
  await preview.getByRole('cell', { name: '£ukasz Wiœniewski' }).first().waitFor();
  await characters.selectOption('windows-1250');
  await preview.getByRole('cell', { name: 'Łukasz Wiśniewski' }).first().waitFor();
  assert.equal(await dialog.getByLabel('Manager name').locator('option:checked').textContent(), 'Przełożony');
  await dialog.getByRole('button', { name: 'Import 4 rows' }).click();
  await dialog.getByText('Imported 4 stakeholders, 4 new departments and 3 reports-to links').waitFor();
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});
