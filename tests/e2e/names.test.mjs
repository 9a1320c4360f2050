// Every name whole: on the cards in the editor and in the exported SVG, for the sample map and for
// a CSV import of long names in Greek, Polish, Romanian, Russian, German, French, Irish and
// Vietnamese. Nothing is cut, nothing ends in an ellipsis, and the text the card layout wrapped
// (from the bundled font's widths) fits inside the card as Chromium actually draws it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { allCards, openSample, repoRoot, screenshot, useApp } from './harness.mjs';

const app = useApp();
const LONG_NAMES_CSV = join(repoRoot, 'tests/fixtures/csv/long-names.csv');

/** Per card: its name as shown, and whether any line of text pokes out of the card. */
async function cardsAsDrawn(page) {
  return allCards(page).evaluateAll((cards) =>
    cards.map((card) => {
      const box = card.querySelector('.pm-card').getBoundingClientRect();
      const overflowing = [...card.querySelectorAll('.pm-card__line')]
        .filter((line) => {
          const r = line.getBoundingClientRect();
          // The line's own text, measured with a range (the span is a block as wide as its column).
          const range = document.createRange();
          range.selectNodeContents(line);
          const text = range.getBoundingClientRect();
          return text.right > box.right - 1 || r.bottom > box.bottom + 0.5;
        })
        .map((line) => line.textContent);
      const clipped = [...card.querySelectorAll('*')].some(
        (el) => getComputedStyle(el).textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth,
      );
      return { name: card.querySelector('.pm-card__name').textContent, overflowing, clipped };
    }),
  );
}

async function exportSvgTexts(page) {
  await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name: 'Export PNG' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export image' });
  await dialog.getByRole('radio', { name: 'SVG (vector)' }).check();
  await dialog.getByRole('radio', { name: 'The whole map' }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download SVG' }).click()]);
  const svg = await readFile(await download.path(), 'utf8');
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return [...doc.querySelectorAll('text')].map((t) => t.textContent);
  }, svg);
}

function assertWhole(drawn, texts, names) {
  for (const card of drawn) {
    assert.deepEqual(card.overflowing, [], `text pokes out of the card of ${card.name}`);
    assert.equal(card.clipped, false, `${card.name} is cut with an ellipsis`);
  }
  const shown = drawn.map((card) => card.name);
  for (const name of names) {
    assert.ok(shown.includes(name), `the card shows "${name}" whole (cards show: ${shown.join(' | ')})`);
    assert.ok(texts.includes(name), `the SVG has "${name}" as text`);
  }
  assert.deepEqual(texts.filter((t) => t.includes('…')), [], 'no text in the SVG ends in an ellipsis');
}

test('long names in every script are whole on the cards and in the SVG after a CSV import', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1280, height: 800 } });
  const csv = await readFile(LONG_NAMES_CSV, 'utf8');
  const names = csv.trim().split('\n').slice(1).map((row) => row.split(',')[0]);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import map or CSV…' }).click()]);
  await chooser.setFiles({ name: 'long-names.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const dialog = page.getByRole('dialog', { name: 'Import stakeholders as a new map' });
  await dialog.getByRole('button', { name: `Import ${names.length} rows` }).click();
  await dialog.getByRole('button', { name: 'Open map' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node-stakeholder').length === n, names.length);
  await page.evaluate(() => document.fonts.ready);

  const drawn = await cardsAsDrawn(page);
  const texts = await exportSvgTexts(page);
  assertWhole(drawn, texts, names);
  // Departments keep their names whole too.
  for (const department of ['Οικονομική Διεύθυνση', 'Operațiuni și Chartering', 'Информационные технологии']) {
    assert.ok(texts.includes(department), `the SVG has the department "${department}"`);
  }
  await screenshot(page, 'long-names-1280');
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('every name of the sample map is whole on the cards and in the SVG', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1920, height: 1080 } });
  await openSample(page);
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__node-stakeholder').length === 24);
  await page.evaluate(() => document.fonts.ready);
  const drawn = await cardsAsDrawn(page);
  const texts = await exportSvgTexts(page);
  assertWhole(drawn, texts, ['Henrik Larsen', 'Σταύρος Παπαδόπουλος', 'Zofia Wróbel', 'Ștefan Țărănescu', 'Анна Кузнецова', 'Chief Digital Officer', 'Marek Nowak']);
  // The sample's longest department names and potential values are whole too.
  for (const text of ['Infrastructure & Cloud', 'Potential: €120k ARR (shift planning)', 'Legal & Compliance']) assert.ok(texts.includes(text), `the SVG has "${text}"`);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});
