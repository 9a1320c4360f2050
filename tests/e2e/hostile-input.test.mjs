// Files built to break the app, opened the way a user would: through Import. Each once broke the
// editor or an export; each must now open, draw, export and survive a reload.
import { test } from 'node:test';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { card, useApp } from './harness.mjs';

const app = useApp();
const NOW = '2026-11-30T09:00:00.000Z';

function person(id, name, extra = {}) {
  return { id, name, title: 'Head of Something', departmentId: null, position: { x: 0, y: 0 }, ...extra };
}

function mapFile(map, viewport) {
  const body = { id: 'map_hostile', name: 'Hostile Account', createdAt: NOW, updatedAt: NOW, departments: {}, stakeholders: {}, links: {}, team: {}, ...map };
  return JSON.stringify({ format: 'powermap', schemaVersion: 1, map: body, ...(viewport ? { viewport } : {}) });
}

/** Imports a map file from the home view and opens it from the import report. */
async function importAndOpen(page, name, text) {
  // Through a file on disk: the browser protocol refuses to carry a buffer over 50 MB.
  const path = join(await mkdtemp(join(tmpdir(), 'powermap-hostile-')), name);
  await writeFile(path, text);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import map or CSV…' }).click()]);
  await chooser.setFiles(path);
  const report = page.getByRole('dialog', { name: /^Imported / });
  await report.waitFor({ timeout: 60_000 });
  const repairs = await report.textContent();
  await report.getByRole('button', { name: 'Open map' }).click();
  return repairs;
}

const toolbar = (page) => page.getByRole('toolbar', { name: 'Map toolbar' });

/** Exports through the dialog and returns the download. */
async function exportImage(page, format) {
  await toolbar(page).getByRole('button', { name: 'Export PNG' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export image' });
  await dialog.getByRole('radio', { name: format === 'svg' ? 'SVG (vector)' : 'PNG, whole picture at 2x' }).check();
  const [download] = await Promise.all([
    // 2 minutes: the 2,000-person PNG below rasterises for seconds, far longer on a busy CI machine.
    page.waitForEvent('download', { timeout: 120_000 }),
    dialog.getByRole('button', { name: format === 'svg' ? 'Download SVG' : 'Download PNG' }).click(),
  ]);
  return download;
}

/** Whether the browser's own XML parser accepts the SVG. */
const svgParses = (page, svg) => page.evaluate((text) => !new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror'), svg);

test('ids named constructor, toString and __proto__ open, edit and reload without a crash', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1400, height: 900 } });
  const text = mapFile({
    departments: { constructor: { id: 'constructor', name: 'Finance', position: { x: 0, y: 0 }, size: { width: 700, height: 300 } } },
    stakeholders: {
      toString: person('toString', 'Ana Tostring', { departmentId: 'constructor', position: { x: 40, y: 80 } }),
      hasOwnProperty: person('hasOwnProperty', 'Bo Hasown', { departmentId: 'constructor', position: { x: 340, y: 80 } }),
    },
    links: { valueOf: { id: 'valueOf', kind: 'reports-to', sourceId: 'hasOwnProperty', targetId: 'toString' } },
  });
  const repairs = await importAndOpen(page, 'reserved-ids.powermap.json', text);
  assert.match(repairs, /reserved word/);
  await card(page, 'Ana Tostring').waitFor();
  await page.getByRole('group', { name: 'Department: Finance' }).waitFor();
  assert.equal(await page.getByLabel(/^Link: reports-to/).count(), 1);

  // Select Ana and add a stakeholder: this threw while a card's id was `toString`.
  await card(page, 'Ana Tostring').click();
  await page.keyboard.press('n');
  await page.getByRole('textbox', { name: 'Name of New stakeholder' }).fill('Cleo New');
  await page.keyboard.press('Enter');
  await card(page, 'Cleo New').waitFor();
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  await page.reload();
  await card(page, 'Cleo New').waitFor();
  await card(page, 'Bo Hasown').waitFor();
  assert.deepEqual(pageErrors, []);
});

test('a card at 1e200 and a viewport of zoom 1e-300 are repaired: the map shows, fits, and exports', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1400, height: 900 } });
  const text = mapFile(
    {
      stakeholders: {
        stk_near: person('stk_near', 'Nina Near', { position: { x: 0, y: 0 } }),
        stk_far: person('stk_far', 'Fabian Far', { position: { x: 1e200, y: 1e308 } }),
      },
    },
    { x: 1e308, y: 0, zoom: 1e-300 },
  );
  const repairs = await importAndOpen(page, 'far-away.powermap.json', text);
  assert.match(repairs, /far outside the map/);
  assert.match(repairs, /viewport/);
  await card(page, 'Nina Near').waitFor();
  // The map opened fitted to the screen: the near card is inside the window, not lost at 1e308.
  const box = await card(page, 'Nina Near').boundingBox();
  assert.ok(box && box.x >= 0 && box.y >= 0 && box.x < 1400 && box.y < 900, `Nina is on screen: ${JSON.stringify(box)}`);
  assert.equal(await page.locator('.pm-links path[d*="NaN"], .pm-links path[d*="Infinity"]').count(), 0);

  const svgDownload = await exportImage(page, 'svg');
  const svg = await readFile(await svgDownload.path(), 'utf8');
  const width = Number(svg.match(/<svg[^>]* width="([^"]+)"/)[1]);
  assert.ok(Number.isFinite(width) && width > 0, `a finite SVG width: ${width}`);
  assert.ok(await svgParses(page, svg));
  const pngDownload = await exportImage(page, 'png');
  assert.ok((await readFile(await pngDownload.path())).length > 1000, 'a PNG was written');
  assert.deepEqual(pageErrors, []);
});

test('control characters in names stay in the map but never break the SVG, the PNG or the brief', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1400, height: 900 } });
  const name = 'Zo\u0000ë Bell\u0007 Esc\u001B Nonchar\uFFFE';
  await importAndOpen(page, 'control.powermap.json', mapFile({ stakeholders: { stk_z: person('stk_z', name) } }));
  await card(page, 'Zo').waitFor();

  const svg = await readFile(await (await exportImage(page, 'svg')).path(), 'utf8');
  assert.ok(await svgParses(page, svg), 'the SVG parses');
  assert.ok(svg.includes('Zoë Bell'), 'the name is in the SVG without its control characters');
  assert.ok((await readFile(await (await exportImage(page, 'png')).path())).length > 1000, 'a PNG was written');

  // The brief's picture is the same SVG, embedded: it decodes.
  await toolbar(page).getByRole('button', { name: 'Handover brief' }).click();
  const [brief] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByRole('dialog', { name: 'Handover brief' }).getByRole('button', { name: 'Open printable page' }).click(),
  ]);
  const picture = brief.getByRole('img', { name: /^Account map of/ });
  await picture.waitFor();
  assert.ok(await picture.evaluate((img) => img.decode().then(() => img.naturalWidth > 0)), 'the brief shows the map');
  await brief.close();

  // The map file keeps the name exactly as it was.
  const briefDialog = page.getByRole('dialog', { name: 'Handover brief' });
  if (await briefDialog.isVisible()) await page.keyboard.press('Escape');
  await briefDialog.waitFor({ state: 'detached' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(saved.map.stakeholders.stk_z.name, name);
  assert.deepEqual(pageErrors, []);
});

test('a 60 MB map file, as a 50,000-row import saves, is read back; a 60,000-character name makes short file names', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1400, height: 900 } });
  // 2,000 people with long notes: as many bytes as a 50,000-person map, without its layout time.
  const notes = 'Met at the Hamburg fair; cares about uptime, not price. '.repeat(540);
  const stakeholders = {};
  for (let i = 0; i < 2000; i++) {
    stakeholders[`stk_${i}`] = person(`stk_${i}`, `Person ${i}`, { notes, position: { x: (i % 50) * 260, y: Math.floor(i / 50) * 140 } });
  }
  const text = mapFile({ stakeholders, name: 'N'.repeat(60_000) });
  assert.ok(text.length > 50 * 1024 * 1024, `the file is ${Math.round(text.length / 1024 / 1024)} MB`);
  await importAndOpen(page, 'large.powermap.json', text);
  await page.getByRole('toolbar', { name: 'Map toolbar' }).waitFor();
  await card(page, 'Person 0').waitFor({ timeout: 60_000 });

  const download = await exportImage(page, 'png');
  const suggested = download.suggestedFilename();
  assert.ok(Buffer.byteLength(suggested) <= 104, `a short file name: ${suggested.length} characters`);
  assert.match(suggested, /^N+\.png$/);
  assert.deepEqual(pageErrors, []);
});
