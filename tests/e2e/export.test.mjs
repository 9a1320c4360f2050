// Exports for the place they go: the whole map as a PNG (only the selection, transparent), a 16:9
// slide, SVG, an editable PowerPoint slide and a poster PDF; a PNG that reopens as the map; copy
// to the clipboard; the handover brief.
import { test } from 'node:test';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { strFromU8, unzipSync } from 'fflate';
import { allCards, card, inspectPng, openSample, resultsDir, screenshot, useApp } from './harness.mjs';

const app = useApp();

/** Opens the export dialog, makes the choices (radio buttons by label) and downloads; returns the download. */
async function download(page, choices, button) {
  await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name: 'Export PNG' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export image' });
  for (const choice of choices) await dialog.getByRole('radio', { name: choice }).check();
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), dialog.getByRole('button', { name: button }).click()]);
  return file;
}

/** Keeps a copy of a download in test-results/ to look at. */
async function keep(file, name) {
  await mkdir(resultsDir, { recursive: true });
  const path = join(resultsDir, name);
  await copyFile(await file.path(), path);
  return path;
}

async function exportPng(page, choices) {
  const file = await download(page, ['PNG, whole picture at 2x', ...choices], 'Download PNG');
  return { name: file.suggestedFilename(), path: await file.path(), ...(await inspectPng(page, await file.path())) };
}

/** Pages in a PDF: its /Type /Page objects. */
const pdfPages = (bytes) => (bytes.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;

test('export the whole sample map, then only a selected department on a transparent background', async () => {
  const { page, externalRequests, pageErrors } = await app.openApp();
  await page.getByRole('button', { name: 'Open Nordwind Logistics AG' }).click();
  const it = page.getByRole('group', { name: 'Department: IT' });
  await it.waitFor();

  const whole = await exportPng(page, ['The whole map', 'White']);
  assert.equal(whole.name, 'Nordwind Logistics AG.png');
  assert.deepEqual(whole.corner, [255, 255, 255, 255]);
  assert.ok(whole.width > 3000, `whole map at 2x is ${whole.width}px wide`);

  await it.click({ position: { x: 30, y: 12 } });
  const selection = await exportPng(page, ['Only the selection', 'Transparent']);
  assert.equal(selection.corner[3], 0, 'the background is transparent');
  assert.ok(selection.width < whole.width && selection.height < whole.height, 'the selection is smaller than the map');
  assert.ok(selection.colours > 20, 'the selection export is not blank');

  // SVG of the whole map: a well-formed vector file with the names as text.
  await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name: 'Export PNG' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export image' });
  await dialog.getByRole('radio', { name: 'SVG (vector)' }).check();
  await dialog.getByRole('radio', { name: 'The whole map' }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download SVG' }).click()]);
  assert.equal(download.suggestedFilename(), 'Nordwind Logistics AG.svg');
  const svg = await readFile(await download.path(), 'utf8');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: !!doc.querySelector('parsererror'), texts: [...doc.querySelectorAll('text')].map((t) => t.textContent) };
  }, svg);
  assert.equal(parsed.error, false, 'the SVG parses');
  assert.ok(parsed.texts.includes('Nordwind Logistics AG') && parsed.texts.includes('Henrik Larsen'));

  assert.deepEqual(externalRequests, []);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('copy the map as an image, and make the handover brief as a printable page and as Markdown', async () => {
  const context = await app.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  const { page, pageErrors, externalRequests } = await app.openApp({ context });
  await openSample(page);
  const toolbar = page.getByRole('toolbar', { name: 'Map toolbar' });

  // Copy image: a PNG lands on the clipboard.
  await toolbar.getByRole('button', { name: 'Export PNG' }).click();
  await page.getByRole('dialog', { name: 'Export image' }).getByRole('button', { name: 'Copy image' }).click();
  await page.getByRole('status').filter({ hasText: 'Copied the map as an image' }).waitFor();
  const clip = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const blob = await item.getType('image/png');
    const bitmap = await createImageBitmap(blob);
    return { types: item.types, width: bitmap.width };
  });
  assert.deepEqual(clip.types, ['image/png']);
  assert.ok(clip.width > 3000, `the copied image is ${clip.width}px wide`);

  // The brief as Markdown.
  await toolbar.getByRole('button', { name: 'Handover brief' }).click();
  const dialog = page.getByRole('dialog', { name: 'Handover brief' });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download Markdown' }).click()]);
  assert.match(download.suggestedFilename(), /^nordwind-logistics-ag-brief-\d{4}-\d{2}-\d{2}\.md$/);
  const markdown = await readFile(await download.path(), 'utf8');
  for (const heading of ['Decision-makers', 'Champions', 'Blockers', 'Risks', 'White space']) assert.match(markdown, new RegExp(`^#+ .*${heading}`, 'm'));
  assert.match(markdown, /Henrik Larsen/);

  // The printable page opens in a new tab, with the map drawn in it, and prints to PDF.
  await toolbar.getByRole('button', { name: 'Handover brief' }).click();
  const [brief] = await Promise.all([context.waitForEvent('page'), page.getByRole('dialog', { name: 'Handover brief' }).getByRole('button', { name: 'Open printable page' }).click()]);
  await brief.waitForLoadState('load');
  await brief.getByRole('heading', { level: 1 }).filter({ hasText: 'Nordwind Logistics AG' }).waitFor();
  // The map: the legend and one picture per top-level department, on landscape pages.
  const images = brief.locator('#map img[src^="data:image/svg+xml"]');
  assert.ok((await images.count()) >= 4, `${await images.count()} map pictures`);
  assert.ok((await images.evaluateAll((all) => all.every((img) => img.complete && img.naturalWidth > 0))), 'the map pictures load');
  await brief.getByRole('img', { name: 'Account map of Nordwind Logistics AG: Executive Board' }).waitFor();
  // Its lines are the editor's, routed in the router's worker: the IT picture's successor arrow
  // carries its label, and the lines to other departments are named under the pictures.
  const itSvg = await brief.getByRole('img', { name: 'Account map of Nordwind Logistics AG: IT' }).evaluate((img) => new TextDecoder().decode(Uint8Array.from(atob(img.src.split(',')[1]), (c) => c.charCodeAt(0))));
  assert.match(itSvg, />successor</);
  assert.match(await brief.locator('#map').innerText(), /Σταύρος Παπαδόπουλος \(IT\) → Claire Dubois: Influences, “builds the budget case”/);
  await brief.setViewportSize({ width: 900, height: 1200 });
  // Every map picture at one scale on screen (screen pixels per picture pixel).
  const scales = await brief.locator('#map figure:not(:first-of-type) img').evaluateAll((all) => all.map((img) => img.getBoundingClientRect().width / img.naturalWidth));
  assert.ok(Math.max(...scales) - Math.min(...scales) < 0.01, `map pictures at ${scales.map((s) => s.toFixed(3)).join(', ')} screen px per picture px`);
  // On a 900 px screen the page, its map pictures included, fits the window: no sideways scroll.
  const widths = await brief.evaluate(() => ({ page: document.documentElement.scrollWidth, window: document.documentElement.clientWidth }));
  assert.ok(widths.page <= widths.window, `the brief is ${widths.page} px wide in a ${widths.window} px window`);
  await screenshot(brief, 'handover-brief');
  const pdf = await brief.pdf({ format: 'A4', preferCSSPageSize: true, path: join(resultsDir, 'handover-brief.pdf') });
  assert.ok(pdf.subarray(0, 5).toString() === '%PDF-' && pdf.length > 20_000, 'the brief prints to a PDF');
  // Portrait pages for the text, landscape ones for the map (MediaBox [0 0 842 595]).
  assert.match(pdf.toString('latin1'), /\/MediaBox \[0 0 841\.\d+ 59\d\.\d+\]/);
  await brief.close();

  assert.deepEqual(externalRequests, []);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

const cardLabels = (page) => allCards(page).evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label')).sort());

test('a PNG and an SVG exported from the sample open again on the home view as the same map; a plain picture is refused', async () => {
  const { page, pageErrors, externalRequests } = await app.openApp({ viewport: { width: 1600, height: 900 } });
  await openSample(page);
  const people = await cardLabels(page);
  assert.ok(people.length > 20, `${people.length} cards on screen`);
  const png = await exportPng(page, ['The whole map', 'White']);
  const svg = await download(page, ['SVG (vector)'], 'Download SVG');
  const svgPath = await svg.path();
  // Unticked, the picture carries no map.
  await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name: 'Export PNG' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export image' });
  await dialog.getByRole('radio', { name: 'PNG, whole picture at 2x' }).check();
  await dialog.getByRole('checkbox', { name: 'Embed the map in the file' }).uncheck();
  const [plain] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download PNG' }).click()]);
  const plainPath = await plain.path();

  await page.getByRole('button', { name: 'Back to all maps' }).click();
  const reopen = async (file, name) => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import map or CSV…' }).click()]);
    await chooser.setFiles(file);
    // The sample is still stored, so the file asks; keeping both opens the picture's map beside it.
    await page.getByRole('dialog', { name: '“Nordwind Logistics AG” is already here' }).getByRole('button', { name: 'Keep both' }).click();
    const report = page.getByRole('dialog', { name: 'Imported “Nordwind Logistics AG (imported)”' });
    await report.getByText(`${people.length} stakeholders`).waitFor();
    await report.getByRole('button', { name: 'Open map' }).click();
    await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('heading', { name: 'Nordwind Logistics AG (imported)' }).waitFor();
    await card(page, 'Henrik Larsen').waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node-stakeholder').length === n, people.length);
    assert.deepEqual(await cardLabels(page), people, `${name}: the same people`);
    await page.getByRole('button', { name: 'Back to all maps' }).click();
  };
  await reopen({ name: png.name, mimeType: 'image/png', buffer: await readFile(png.path) }, 'PNG');
  await reopen({ name: 'Nordwind Logistics AG.svg', mimeType: 'image/svg+xml', buffer: await readFile(svgPath) }, 'SVG');

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import map or CSV…' }).click()]);
  await chooser.setFiles({ name: 'slide.png', mimeType: 'image/png', buffer: await readFile(plainPath) });
  await page.getByText('“slide.png” is a picture without a Powermap map in it').waitFor();

  assert.deepEqual(externalRequests, []);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('a 16:9 slide at 1920 and 3840, an editable PowerPoint slide and a poster PDF on A4 and A3', async () => {
  const { page, pageErrors, externalRequests } = await app.openApp({ viewport: { width: 1600, height: 900 } });
  await openSample(page);
  const people = (await cardLabels(page)).map((label) => label.replace(/^Stakeholder: /, '').split(', ')[0].replace(/ \(placeholder\)$/, ''));

  let started = Date.now();
  const slide = await download(page, ['Slide (16:9)', '1920 × 1080', 'The whole map', 'White'], 'Download PNG');
  const slideMs = Date.now() - started;
  // Not the whole picture's name: both can sit side by side in a downloads folder.
  assert.equal(slide.suggestedFilename(), 'Nordwind Logistics AG.slide.png');
  const small = await inspectPng(page, await slide.path());
  assert.deepEqual([small.width, small.height], [1920, 1080]);
  assert.deepEqual(small.corner, [255, 255, 255, 255]);
  assert.ok(small.colours > 20, 'the slide is not blank');
  await keep(slide, 'export-slide-1920.png');
  const large = await inspectPng(page, await keep(await download(page, ['Slide (16:9)', '3840 × 2160 (4K)'], 'Download PNG'), 'export-slide-3840.png'));
  assert.deepEqual([large.width, large.height], [3840, 2160]);

  started = Date.now();
  const pptx = await download(page, ['PowerPoint (editable)'], 'Download PPTX');
  const pptxMs = Date.now() - started;
  assert.equal(pptx.suggestedFilename(), 'Nordwind Logistics AG.pptx');
  const files = unzipSync(new Uint8Array(await readFile(await keep(pptx, 'export-slide.pptx'))));
  const xml = strFromU8(files['ppt/slides/slide1.xml']);
  const texts = [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map(([, body]) => [...body.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map(([, t]) => t).join(''));
  for (const name of people) assert.ok(texts.some((t) => t.startsWith(name.replace(/&/g, '&amp;'))), `${name} is on the slide as text`);
  assert.ok(texts.length >= people.length + 3, `${texts.length} shapes`);

  started = Date.now();
  const a4 = await download(page, ['Poster PDF (tiled pages)', 'A4'], 'Download PDF');
  const posterMs = Date.now() - started;
  const a4Bytes = await readFile(await keep(a4, 'export-poster-a4.pdf'));
  assert.equal(a4Bytes.subarray(0, 5).toString(), '%PDF-');
  const a3Bytes = await readFile(await keep(await download(page, ['Poster PDF (tiled pages)', 'A3'], 'Download PDF'), 'export-poster-a3.pdf'));
  assert.ok(pdfPages(a4Bytes) >= 3, `A4 poster: ${pdfPages(a4Bytes)} pages (index and tiles)`);
  assert.ok(pdfPages(a3Bytes) >= 2 && pdfPages(a3Bytes) < pdfPages(a4Bytes), `A3 poster: ${pdfPages(a3Bytes)} pages`);
  console.log(`sample: slide ${slideMs} ms, pptx ${pptxMs} ms (${files['ppt/slides/slide1.xml'].length} bytes of slide XML), A4 poster ${posterMs} ms, ${pdfPages(a4Bytes)} pages, ${a4Bytes.length} bytes; A3 ${pdfPages(a3Bytes)} pages`);

  assert.deepEqual(externalRequests, []);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});
