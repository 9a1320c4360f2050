// A map of 5,000 people exports in every format without crashing and without an empty picture:
// the whole-map PNG is past the browser's canvas limits at 2x, so it is drawn smaller and the user
// is told; the slide says its names are too small to read; the poster PDF tiles it at full size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { inspectPng, useApp } from './harness.mjs';
import { openGeneratedMap } from './import-tools.mjs';

const app = useApp();
const SIZE = Number(process.env.LARGE_EXPORT_SIZE ?? 5000);

/** Exports with `choices`; `whileWaiting(dialog)` runs once the button is pressed, before the file comes. */
async function download(page, choices, button, whileWaiting = async () => {}) {
  await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name: 'Export PNG' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export image' });
  for (const choice of choices) await dialog.getByRole('radio', { name: choice }).check();
  const started = Date.now();
  const pressed = dialog.getByRole('button', { name: button }).click().then(() => whileWaiting(dialog));
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), pressed]);
  const path = await file.path();
  return { path, ms: Date.now() - started, bytes: (await readFile(path)).length };
}

test(`a map of ${SIZE.toLocaleString('en')} people exports as PNG, slide, PowerPoint and poster PDF`, { timeout: 1_800_000 }, async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1280, height: 800 } });
  await openGeneratedMap(page, SIZE, 'Large account');
  const figures = [];

  // The whole map at 2x would be far past 16,384 pixels a side: it comes out smaller, not blank, and the user is told why.
  // Most of the wait is the routing of the lines around the cards: the button says how far it has got.
  // (Past 3,000 lines the canvas routes only those around the view, so most are left to the export;
  // a smaller map's are routed by the canvas soon after it opens, and the count may be over at once.)
  const seen = [];
  const png = await download(page, ['PNG, whole picture at 2x', 'The whole map', 'White'], 'Download PNG', async (dialog) => {
    if (SIZE < 5000) return;
    const status = dialog.getByRole('button', { name: /^Drawing lines: [\d,]+ of [\d,]+…$/ });
    await status.waitFor({ timeout: 120_000 });
    seen.push(await status.textContent());
  });
  if (SIZE >= 5000) {
    const [, routed, total] = seen[0].match(/([\d,]+) of ([\d,]+)/).map((figure) => Number(figure.replaceAll(',', '')));
    assert.ok(total >= SIZE && routed <= total, `every line of the map counted: ${seen[0]}`);
  }
  if (SIZE >= 5000) await page.getByRole('status').filter({ hasText: 'The map is too large for one 2x picture' }).first().waitFor();
  const picture = await inspectPng(page, png.path);
  assert.ok(picture.width <= 16_384 && picture.height <= 16_384 && picture.width * picture.height <= 268_000_000, `${picture.width} x ${picture.height}`);
  assert.ok(picture.colours > 20, 'the picture is not blank');
  figures.push(`PNG ${picture.width}x${picture.height} ${png.ms} ms ${(png.bytes / 1e6).toFixed(1)} MB (the button said "${seen[0] ?? ''}")`);

  const slide = await download(page, ['Slide (16:9)', '1920 × 1080'], 'Download PNG');
  if (SIZE >= 1000) await page.getByRole('status').filter({ hasText: 'The map is large for one slide' }).first().waitFor();
  const slidePicture = await inspectPng(page, slide.path);
  assert.deepEqual([slidePicture.width, slidePicture.height], [1920, 1080]);
  assert.ok(slidePicture.colours > 20, 'the slide is not blank');
  figures.push(`slide ${slide.ms} ms`);

  const pptx = await download(page, ['PowerPoint (editable)'], 'Download PPTX');
  const xml = strFromU8(unzipSync(new Uint8Array(await readFile(pptx.path)))['ppt/slides/slide1.xml']);
  assert.ok((xml.match(/<p:sp>/g) ?? []).length >= SIZE, 'a shape for every card');
  figures.push(`pptx ${pptx.ms} ms ${(pptx.bytes / 1e6).toFixed(1)} MB`);

  const poster = await download(page, ['Poster PDF (tiled pages)', 'A3'], 'Download PDF');
  const pdf = await readFile(poster.path);
  const pages = (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.ok(pages > 20, `${pages} pages`);
  figures.push(`A3 poster ${pages} pages ${poster.ms} ms ${(poster.bytes / 1e6).toFixed(1)} MB`);

  console.log(`${SIZE} people: ${figures.join('; ')}`);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});
