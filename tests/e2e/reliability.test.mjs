// Trying to break it: close the tab straight after an edit, and damage the stored records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { card, useApp } from './harness.mjs';

const app = useApp();

const PEOPLE = [
  'Henrik Larsen', 'Claire Dubois', 'Sophie Martin', 'Matteo Rossi', 'Laura Bianchi', 'Zofia Wróbel', 'Lukas Becker',
  'Ștefan Țărănescu', 'Ingrid Solberg', 'Oskar Lindqvist', 'Анна Кузнецова', 'Pieter de Vries', 'Kai Andersen',
  'Joost Bakker', 'Femke Jansen', 'Mia Schulz', 'Elena García', 'Thomas Müller', 'Amélie Laurent', 'Chief Digital Officer',
];

test('twenty edits, each followed at once by closing the tab, are all there on reopening', async () => {
  const context = await app.newContext({ viewport: { width: 1600, height: 1000 } });
  let page = await context.newPage();
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Open Nordwind Logistics AG' }).click();
  const mapUrl = page.url();
  for (const [index, name] of PEOPLE.entries()) {
    await card(page, name).waitFor();
    if (index > 0) assert.match(await card(page, PEOPLE[index - 1]).textContent(), /Champion/, `${PEOPLE[index - 1]} kept`);
    await card(page, name).click();
    await page.keyboard.press('c');
    await card(page, name).getByText('Champion', { exact: true }).first().waitFor();
    await page.close({ runBeforeUnload: true });
    page = await context.newPage();
    await page.goto(mapUrl);
  }
  for (const name of PEOPLE) {
    await card(page, name).waitFor();
    assert.match(await card(page, name).textContent(), /Champion/, `${name} is still a champion`);
  }
  await context.close();
});

test('a damaged record is repaired with a message, and other maps stay intact', async () => {
  const { page, pageErrors } = await app.openApp();
  // A second map, made through the UI.
  await page.getByRole('button', { name: 'New account map' }).click();
  await page.getByRole('textbox', { name: 'Customer or account name' }).fill('Intact Account');
  await page.getByRole('button', { name: 'Create map' }).click();
  await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name: 'Add stakeholder' }).click();
  await page.getByRole('textbox', { name: 'Name of New stakeholder' }).fill('Dana Whole');
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  await page.getByRole('button', { name: 'Back to all maps' }).click();

  // Damage the sample map's stored records behind the app's back.
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('powermap');
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['stakeholders', 'links'], 'readwrite');
          const mapId = 'map_sample_nordwind';
          tx.objectStore('stakeholders').put({ mapId, id: 'stk_broken', name: null, stance: 42, roles: 'boss', position: { x: 'left' } });
          tx.objectStore('links').put({ mapId, id: 'lnk_dangling', kind: 'influences', sourceId: 'stk_sample_henrik', targetId: 'stk_nobody' });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );

  await page.getByRole('button', { name: 'Open Nordwind Logistics AG' }).click();
  await page.getByRole('alert').filter({ hasText: /damaged|repaired/i }).first().waitFor();
  await card(page, 'Henrik Larsen').waitFor();
  assert.equal(await page.getByLabel(/^Link: /).count(), 29, 'the dangling link was dropped, the 29 good ones kept');
  await card(page, '(no name)').waitFor();

  await page.getByRole('button', { name: 'Back to all maps' }).click();
  await page.getByRole('button', { name: 'Open Intact Account' }).click();
  await card(page, 'Dana Whole').waitFor();
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});
