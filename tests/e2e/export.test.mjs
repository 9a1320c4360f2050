// PNG export for slides: the whole map or only the selection, on white or transparent.
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import assert from 'node:assert/strict';
import { inspectPng, useApp } from './harness.mjs';

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
