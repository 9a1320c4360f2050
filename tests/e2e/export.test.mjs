// PNG export for slides: the whole map or only the selection, on white or transparent.
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import assert from 'node:assert/strict';
import { inspectPng, openSample, screenshot, useApp } from './harness.mjs';

const app = useApp();

async function exportPng(page, choices) {
  await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name: 'Export PNG' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export image' });
  for (const choice of choices) await dialog.getByRole('radio', { name: choice }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download PNG' }).click()]);
  return { name: download.suggestedFilename(), ...(await inspectPng(page, await download.path())) };
}

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
  const image = brief.locator('img[src^="data:image/svg+xml"]');
  assert.equal(await image.count(), 1);
  assert.ok(await image.evaluate((img) => img.complete && img.naturalWidth > 0), 'the map image loads');
  await brief.setViewportSize({ width: 900, height: 1200 });
  await screenshot(brief, 'handover-brief');
  const pdf = await brief.pdf({ format: 'A4' });
  assert.ok(pdf.subarray(0, 5).toString() === '%PDF-' && pdf.length > 20_000, 'the brief prints to a PDF');
  await brief.close();

  assert.deepEqual(externalRequests, []);
  assert.deepEqual(pageErrors, []);
  await context.close();
});
