// Exports, the handover brief and the CSV import in other languages, as a user whose browser speaks
// Greek, Russian or Romanian meets them: the dialogs, the picture's subtitle and legend, the brief's
// headings and counts, and the import report made in the import's worker, all in that language, with
// every name on the map exactly as typed. The sample opens by its address (#/map/<id>), so the test
// does not depend on how other screens word their buttons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inspectPng, resultsDir, screenshot, suite } from './harness.mjs';

const app = suite();
const SAMPLE = '#/map/map_sample_nordwind';

/** Opens the sample map in a browser that speaks `locale`, and waits until its cards are drawn. */
async function openSampleIn(locale) {
  const context = await app.newContext({ locale });
  const opened = await app.openApp({ context, path: SAMPLE });
  await opened.page.getByText('Henrik Larsen', { exact: true }).first().waitFor();
  return opened;
}

/** The export dialog (Ctrl+Shift+E), the choices by their labels, then the download button. */
async function exportFile(page, dialogName, choices, button) {
  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByRole('dialog', { name: dialogName });
  for (const choice of choices) await dialog.getByRole('radio', { name: choice }).check();
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), dialog.getByRole('button', { name: button }).click()]);
  return file;
}

test('in Greek, the SVG and the slide carry a Greek subtitle and legend and every full name', async () => {
  const { page, pageErrors } = await openSampleIn('el-GR');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'el');

  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByRole('dialog', { name: 'Εξαγωγή εικόνας' });
  await dialog.getByRole('radio', { name: 'SVG (διανυσματικό)' }).check();
  await screenshot(page, 'export-languages-dialog-el');
  await dialog.getByRole('button', { name: 'Άκυρο' }).click();

  const svgFile = await exportFile(page, 'Εξαγωγή εικόνας', ['SVG (διανυσματικό)', 'Όλος ο χάρτης'], 'Λήψη SVG');
  const svg = await readFile(await svgFile.path(), 'utf8');
  const read = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const file = JSON.parse(doc.querySelector('metadata')?.textContent ?? '{}');
    const people = (file.map ?? file).stakeholders ?? [];
    return {
      error: !!doc.querySelector('parsererror'),
      texts: [...doc.querySelectorAll('text')].map((node) => node.textContent),
      names: (Array.isArray(people) ? people : Object.values(people)).map((person) => person.name),
    };
  }, svg);
  assert.equal(read.error, false, 'the SVG parses');
  assert.ok(read.texts.some((line) => /^Χάρτης λογαριασμού · .+ · \d+ εμπλεκόμενοι$/.test(line)), 'the subtitle is Greek');
  for (const word of ['ΣΤΑΣΗ', 'ΡΟΛΟΣ ΣΤΗΝ ΑΓΟΡΑ', 'ΣΥΝΔΕΣΕΙΣ', 'Υπέρμαχος', 'Πολέμιος', 'Αναφέρεται σε']) {
    assert.ok(read.texts.includes(word), `the legend says ${word}`);
  }
  assert.ok(!read.texts.some((line) => /^(STANCE|Champion|Blocker|Reports to|Account map ·)/.test(line)), 'no English legend or subtitle');
  assert.ok(read.names.length >= 20, `the map file in the SVG lists ${read.names.length} people`);
  // A name may wrap over two lines of a card: the card's lines joined give it back whole.
  const cardText = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return [...doc.querySelectorAll('text')].map((node) => [...node.querySelectorAll('tspan')].map((span) => span.textContent).join(' ') || node.textContent).join('\n');
  }, svg);
  for (const name of read.names) assert.ok(cardText.includes(name), `${name} is in the picture`);

  const slide = await exportFile(page, 'Εξαγωγή εικόνας', ['Διαφάνεια (16:9)', 'Λευκό'], 'Λήψη PNG');
  await mkdir(resultsDir, { recursive: true });
  const slidePath = join(resultsDir, 'export-languages-slide-el.png');
  await copyFile(await slide.path(), slidePath);
  const picture = await inspectPng(page, slidePath);
  assert.deepEqual([picture.width, picture.height], [1920, 1080]);
  assert.ok(picture.colours > 20, 'the slide is not blank');
  assert.deepEqual(pageErrors, []);
});

test('in Russian, the handover brief dialog and its Markdown are Russian', async () => {
  const { page, pageErrors } = await openSampleIn('ru-RU');
  await page.keyboard.press('Control+Shift+B');
  const dialog = page.getByRole('dialog', { name: 'Справка для передачи' });
  await dialog.getByText(/^Всё, что нужно следующему аккаунт-менеджеру/).waitFor();
  await screenshot(page, 'export-languages-brief-ru');
  const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Скачать Markdown' }).click()]);
  const markdown = await readFile(await file.path(), 'utf8');
  assert.match(markdown, /^# Nordwind Logistics AG: справка для передачи, \d+ [а-яё]+ \d{4} г\.\n/);
  const headings = [...markdown.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
  assert.deepEqual(headings.slice(0, 3), ['Сводка', 'ЛПР и распорядители бюджета', 'Чемпионы']);
  assert.match(markdown, /На карте 21 человек: 2 чемпиона, 6 сторонников/);
  assert.deepEqual(pageErrors, []);
});

test('in Romanian, the CSV import worker writes its report and notes in Romanian', async () => {
  const context = await app.newContext({ locale: 'ro-RO' });
  const { page, pageErrors } = await app.openApp({ context });
  await page.waitForFunction(() => document.documentElement.lang === 'ro');
  const csv = ['First Name,Last Name,Email,Title,Reports To', 'Ana,Popescu,ana@x.ro,CEO,', ',,orders@x.ro,,', 'Ion,Ionescu,ion@x.ro,CFO,Ana Popescu', 'Dan,Pop,dan@x.ro,CTO,Maria Pop'].join('\n');
  await page.locator('input[type=file][accept*="csv"]').setInputFiles({ name: 'clienti.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const dialog = page.getByRole('dialog', { name: 'Importă stakeholderi ca hartă nouă' });
  await dialog.getByText(/^„clienti\.csv” pare .+: 4 rânduri, separate prin virgule\./).waitFor();
  await dialog.getByRole('button', { name: 'Importă 4 rânduri' }).click();
  await dialog.getByText('Au fost importați 3 stakeholderi și 1 legătură de raportare în „clienti”.').waitFor();
  await dialog.getByText('Linia 3: Doar o adresă de e-mail (orders@x.ro): o căsuță poștală, nu o persoană cu nume.').waitFor();
  await dialog.getByText('Managerul „Maria Pop” nu este în fișier (linia 5): nicio legătură de raportare.').waitFor();
  await screenshot(page, 'export-languages-import-ro');
  assert.deepEqual(pageErrors, []);
});

test('in Greek and Russian, the import and export dialogs fit their longer words', async () => {
  const greek = await app.newContext({ locale: 'el-GR' });
  const { page, pageErrors } = await app.openApp({ context: greek });
  await page.waitForFunction(() => document.documentElement.lang === 'el');
  const csv = ['First Name,Last Name,Email,Title,Department,Reports To,Account Name', 'Ana,Popescu,ana@x.ro,CEO,Board,,Client A', 'Ion,Ionescu,ion@x.ro,CFO,Finance,Ana Popescu,Client B'].join('\n');
  await page.locator('input[type=file][accept*="csv"]').setInputFiles({ name: 'επαφές.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const dialog = page.getByRole('dialog', { name: 'Εισαγωγή εμπλεκομένων σε νέο χάρτη' });
  await dialog.getByRole('table', { name: 'Προεπισκόπηση των πρώτων γραμμών' }).waitFor();
  await dialog.getByLabel('Πελάτης για τον χάρτη').waitFor();
  await screenshot(page, 'export-languages-import-el');
  // Nothing of the dialog is wider than the dialog itself.
  const overflow = await dialog.evaluate((box) => [...box.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > box.getBoundingClientRect().right + 1).map((el) => el.textContent?.slice(0, 40)));
  assert.deepEqual(overflow, []);
  assert.deepEqual(pageErrors, []);

  const russian = await openSampleIn('ru-RU');
  await russian.page.keyboard.press('Control+Shift+E');
  const exportDialog = russian.page.getByRole('dialog', { name: 'Экспорт изображения' });
  await exportDialog.getByRole('radio', { name: 'CSV для CRM (люди)' }).check();
  await exportDialog.getByText(/^В файле \d+ человека?\./).waitFor();
  await screenshot(russian.page, 'export-languages-export-ru');
  assert.deepEqual(russian.pageErrors, []);
});
