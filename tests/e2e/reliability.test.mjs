// Trying to break it: crash a tab that holds a map another tab waits for, and damage the stored records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { card, useApp } from './harness.mjs';

const app = useApp();

// Closing, navigating away and crashing right after an edit are in durability.test.mjs, on a
// persistent profile. Here: two tabs of one browser share the map safely.
test('a tab waiting for a map takes over the unsaved edit of the tab that held it and crashed', async () => {
  const context = await app.newContext();
  const holder = await context.newPage();
  await holder.goto(app.url);
  await holder.getByRole('button', { name: 'Open Nordwind Logistics AG' }).click();
  await card(holder, 'Henrik Larsen').waitFor();
  const mapUrl = holder.url();

  // The second tab opens the map while the first one edits it: read-only, and it waits.
  const waiting = await context.newPage();
  await waiting.goto(mapUrl);
  await waiting.getByRole('alert').filter({ hasText: 'read-only here' }).first().waitFor();

  await card(holder, 'Henrik Larsen').click({ position: { x: 12, y: 12 } });
  await holder.keyboard.press('c');
  await card(holder, 'Henrik Larsen').getByText('Champion', { exact: true }).first().waitFor();
  const crashed = new Promise((done) => holder.once('crash', done));
  (await context.newCDPSession(holder)).send('Page.crash').catch(() => {});
  await crashed;

  // The lock is free: the waiting tab becomes editable and finds the edit, though autosave never ran.
  await card(waiting, 'Henrik Larsen').getByText('Champion', { exact: true }).first().waitFor();
  await card(waiting, 'Claire Dubois').click({ position: { x: 12, y: 12 } });
  await waiting.keyboard.press('b');
  await card(waiting, 'Claire Dubois').getByText('Blocker', { exact: true }).first().waitFor();
  await waiting.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  await waiting.reload();
  await card(waiting, 'Claire Dubois').getByText('Blocker', { exact: true }).first().waitFor();
  assert.match(await card(waiting, 'Henrik Larsen').textContent(), /Champion/);
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
