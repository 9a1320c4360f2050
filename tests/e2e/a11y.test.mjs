// axe-core over every kind of screen: the home view, the editor (with a card selected), dialogs
// (shortcuts, link picker, export), insights beside the inspector, and presentation mode. Zero
// violations of the WCAG 2.x A and AA rules; the one scoped exception is explained in axe.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { card, openSample, settled, useApp } from './harness.mjs';
import { axeViolations } from './axe.mjs';

const app = useApp();

test('axe finds no WCAG A/AA violation on home, editor, dialogs, insights and presentation', async () => {
  const { page, pageErrors } = await app.openApp();
  const found = {};
  const check = async (where) => {
    found[where] = await axeViolations(page);
  };

  await page.getByRole('button', { name: 'Open Nordwind Logistics AG' }).waitFor();
  await check('home');
  await openSample(page);
  await settled(page);
  await check('editor');
  await card(page, 'Henrik Larsen').click({ position: { x: 60, y: 30 } });
  await page.getByRole('toolbar', { name: 'Quick tags for Henrik Larsen' }).waitFor();
  await check('editor, a card selected');

  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  await check('shortcuts dialog');
  await page.keyboard.press('Escape');
  await page.keyboard.press('k');
  await page.getByRole('dialog', { name: 'Link Henrik Larsen to…' }).waitFor();
  await check('link picker');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+E');
  await page.getByRole('dialog', { name: /Export/ }).waitFor();
  await check('export dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });

  await page.keyboard.press('i');
  await page.getByRole('complementary', { name: 'Insights' }).waitFor();
  await check('insights beside the inspector');

  await page.keyboard.press('p');
  await page.getByRole('button', { name: 'Leave presentation' }).waitFor();
  await settled(page);
  await check('presentation');

  for (const [where, lines] of Object.entries(found)) assert.deepEqual(lines, [], `${where}:\n${lines.join('\n')}`);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});
