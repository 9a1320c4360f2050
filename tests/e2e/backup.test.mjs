// Backups the user controls and storage that stays: one zip with every map and snapshot comes
// back after the map was deleted; restoring over a stored map asks first; a damaged backup is
// refused or restored in part, never touching what is stored; the home view says when the last
// backup was made, reminds when one is overdue, and shows whether the browser keeps the data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { card, openSample, repoRoot, screenshot, takeSnapshot, useApp } from './harness.mjs';

const app = useApp();
const SAMPLE = 'Nordwind Logistics AG';

async function chooseFile(page, button, file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(file);
}

const backupCard = (page) => page.getByRole('region', { name: 'Backup', exact: true });
const storageCard = (page) => page.getByRole('region', { name: 'Storage', exact: true });
const restoreButton = (page) => backupCard(page).getByRole('button', { name: 'Restore from backup…' });
const mapList = (page) => page.getByRole('list', { name: 'Account maps' });

/** A snapshot of the sample map, taken from the home view and back there after. */
async function snapshotSample(page, name) {
  await openSample(page);
  await takeSnapshot(page, name);
  await page.getByRole('button', { name: 'Back to all maps' }).click();
}

async function tag(page, name, role) {
  await card(page, name).hover();
  await page.getByRole('button', { name: `${role}: tag ${name}` }).click();
}

async function backUp(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), buffer: await readFile(await download.path()) };
}

test('a backup brings back a deleted map and its snapshot; restoring it again asks before replacing', async () => {
  const { page, pageErrors } = await app.openApp();
  await snapshotSample(page, 'At handover');
  // The home view reads the last backup's date from storage after it draws: wait for it.
  await backupCard(page).getByText('Last backup: never').waitFor();

  const backup = await backUp(page, backupCard(page).getByRole('button', { name: 'Back up all maps' }));
  assert.match(backup.name, /^powermap-backup-\d{4}-\d{2}-\d{2}\.zip$/);
  assert.equal(backup.buffer.subarray(0, 2).toString(), 'PK', 'a zip file');
  await page.getByRole('status').filter({ hasText: `Saved 1 map and 1 snapshot to ${backup.name}.` }).waitFor();
  await backupCard(page).getByText(/Last backup: (now|\d+ seconds? ago)$/).waitFor();

  // The map goes, snapshot and all.
  await page.getByRole('button', { name: `Delete ${SAMPLE}` }).click();
  await page.getByRole('dialog', { name: `Delete “${SAMPLE}”?` }).getByRole('button', { name: 'Delete map' }).click();
  await page.getByText('No account maps yet.').waitFor();

  // Restore it from the file.
  await chooseFile(page, restoreButton(page), { name: backup.name, mimeType: 'application/zip', buffer: backup.buffer });
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
  await dialog.getByText(`“${backup.name}”`, { exact: false }).waitFor();
  assert.match(await dialog.textContent(), /holds 1 map and 1 snapshot\./);
  assert.match(await dialog.textContent(), new RegExp(`New here: “${SAMPLE}”`));
  await dialog.getByRole('button', { name: 'Restore 1 map' }).click();
  await page.getByRole('status').filter({ hasText: 'Restored 1 map and 1 snapshot.' }).waitFor();
  await mapList(page).getByRole('button', { name: `Open ${SAMPLE}` }).waitFor();

  // The map is whole, and its snapshot is back.
  await openSample(page);
  await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name: 'Insights' }).click();
  await page.getByRole('region', { name: 'Snapshots' }).getByRole('button', { name: 'View At handover' }).waitFor();
  await page.getByRole('button', { name: 'Back to all maps' }).click();

  // Renamed here, then the backup is restored again: it asks, and skips unless told otherwise.
  await page.getByRole('button', { name: `Rename ${SAMPLE}` }).click();
  const rename = page.getByRole('dialog', { name: `Rename “${SAMPLE}”` });
  await rename.getByLabel('New name').fill('Nordwind, renamed here');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await page.getByRole('button', { name: 'Open Nordwind, renamed here' }).waitFor();

  await chooseFile(page, restoreButton(page), { name: backup.name, mimeType: 'application/zip', buffer: backup.buffer });
  const again = page.getByRole('dialog', { name: 'Restore from backup' });
  const choice = again.getByRole('radiogroup', { name: SAMPLE });
  await choice.waitFor();
  assert.equal(await choice.getByRole('radio', { name: 'Skip' }).isChecked(), true, 'nothing is replaced unless chosen');
  assert.equal(await again.getByRole('button', { name: 'Restore 0 of 1 map' }).isDisabled(), true);
  await screenshot(page, 'backup-restore-conflict');
  await choice.getByRole('radio', { name: 'Replace' }).check();
  await again.getByRole('button', { name: 'Restore 1 map' }).click();
  await mapList(page).getByRole('button', { name: `Open ${SAMPLE}` }).waitFor();
  assert.equal(await mapList(page).getByRole('listitem').count(), 1, 'replaced, not added');

  // Keep both adds the backup's map beside the stored one.
  await chooseFile(page, restoreButton(page), { name: backup.name, mimeType: 'application/zip', buffer: backup.buffer });
  await page.getByRole('dialog', { name: 'Restore from backup' }).getByRole('radiogroup', { name: SAMPLE }).getByRole('radio', { name: 'Keep both' }).check();
  await page.getByRole('dialog', { name: 'Restore from backup' }).getByRole('button', { name: 'Restore 1 map' }).click();
  await mapList(page).getByRole('button', { name: `Open ${SAMPLE} (from backup)` }).waitFor();
  assert.equal(await mapList(page).getByRole('listitem').count(), 2);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('a damaged backup gets a clear message; the good maps in it can still be restored; stored maps are untouched', async () => {
  const { page, pageErrors } = await app.openApp();
  await mapList(page).getByRole('listitem').first().waitFor();
  const before = await mapList(page).textContent();
  const alert = page.getByRole('alert');

  const refused = [
    [{ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('these are not the maps you are looking for') }, '“notes.zip” is not a Powermap backup: it is not a zip archive. Nothing was changed.'],
    [{ name: 'photos.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync({ 'beach.txt': strToU8('sand') })) }, '“photos.zip” is a zip archive, but not a Powermap backup: it has no manifest.json. Nothing was changed.'],
  ];
  for (const [file, message] of refused) {
    await chooseFile(page, restoreButton(page), file);
    await alert.filter({ hasText: message }).waitFor();
    await alert.filter({ hasText: message }).getByRole('button', { name: 'Dismiss message' }).click();
  }
  assert.equal(await mapList(page).textContent(), before);

  // A backup of two maps, one of them cut off: the other is offered, and the damage is named.
  const good = await readFile(join(repoRoot, 'tests/fixtures/map-file-v1.powermap.json'));
  const manifest = {
    format: 'powermap-backup',
    backupVersion: 1,
    createdAt: '2026-11-30T17:00:00.000Z',
    maps: [
      { id: 'map_example_nordwind', name: 'Nordwind Logistics AG', file: 'example.powermap.json', snapshots: [] },
      { id: 'map_cut', name: 'Cut Account', file: 'cut.powermap.json', snapshots: [] },
    ],
  };
  const partly = zipSync({
    'manifest.json': strToU8(JSON.stringify(manifest)),
    'example.powermap.json': new Uint8Array(good),
    'cut.powermap.json': strToU8('{"format":"powermap","schemaVersion":1,"map":{"id":"map_cut","name":"Cut'),
  });
  await chooseFile(page, restoreButton(page), { name: 'partly-damaged.zip', mimeType: 'application/zip', buffer: Buffer.from(partly) });
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
  const leftOut = dialog.getByRole('list', { name: 'Left out' });
  await leftOut.waitFor();
  assert.match(await leftOut.textContent(), /^Left out “Cut Account”: “cut\.powermap\.json” looks cut off/);
  assert.match(await dialog.textContent(), /holds 1 map and 0 snapshots that can be restored\./);
  await dialog.getByRole('button', { name: 'Restore 1 map' }).click();
  await mapList(page).getByRole('listitem').nth(1).waitFor();
  assert.equal(await mapList(page).getByRole('listitem').count(), 2, 'the sample, and the good map from the backup');
  assert.equal(await mapList(page).getByRole('button', { name: 'Open Cut Account' }).count(), 0);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

/** Replaces navigator.storage with one that answers persist() with `answers` in turn, and counts the calls. */
function fakeStorage(answers) {
  window.__persistCalls = 0;
  const storage = {
    persisted: async () => window.__persisted === true,
    persist: async () => {
      window.__persisted = answers[Math.min(window.__persistCalls, answers.length - 1)];
      window.__persistCalls += 1;
      return window.__persisted;
    },
    estimate: async () => ({ usage: 1_234_567, quota: 2_000_000_000 }),
  };
  Object.defineProperty(Navigator.prototype, 'storage', { get: () => storage, configurable: true });
}

test('Storage: asks to keep the data at the first change, not at load; a refusal is explained and can be asked again', async () => {
  const context = await app.newContext();
  await context.addInitScript(fakeStorage, [false, true]);
  const { page, pageErrors } = await app.openApp({ context });
  const storage = storageCard(page);
  await storage.getByText('Not persistent yet.').waitFor();
  assert.match(await storage.textContent(), /Used1\.2 MBAvailable2 GB/);
  assert.equal(await page.evaluate(() => window.__persistCalls), 0, 'not asked at page load');

  // The first edit, autosaved, asks once; a second edit does not ask again.
  await openSample(page);
  await tag(page, 'Laura Bianchi', 'Champion');
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  await page.waitForFunction(() => window.__persistCalls === 1);
  await tag(page, 'Femke Jansen', 'Blocker');
  await page.waitForTimeout(800);
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  assert.equal(await page.evaluate(() => window.__persistCalls), 1, 'asked once per session');

  await page.getByRole('button', { name: 'Back to all maps' }).click();
  await storage.getByText('Not persistent: the browser refused.').waitFor();
  assert.match(await storage.textContent(), /may delete Powermap’s data, maps and snapshots included, when the disk runs low\. Make a backup/);
  await screenshot(page, 'backup-storage-refused', { fullPage: true });
  await storage.getByRole('button', { name: 'Ask again' }).click();
  await storage.getByText('Persistent: this browser keeps your maps until you delete them.').waitFor();
  assert.equal(await storage.getByRole('button').count(), 0, 'nothing left to ask');
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('Storage: a browser without the storage API is told apart, and the rest of the home view works', async () => {
  const context = await app.newContext();
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'storage', { get: () => undefined, configurable: true }));
  const { page, pageErrors } = await app.openApp({ context });
  await storageCard(page).getByText('This browser does not report storage.').waitFor();
  // The first change must not fail for want of the API.
  await page.getByRole('button', { name: `Duplicate ${SAMPLE}` }).click();
  await page.getByRole('button', { name: `Open ${SAMPLE} (copy)` }).waitFor();
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('an overdue backup is reminded at the top of the home view, and backing up clears the reminder', async () => {
  const { page, pageErrors } = await app.openApp();
  await backupCard(page).getByText('Last backup: never').waitFor();
  assert.equal(await page.getByRole('note', { name: 'Backup reminder' }).count(), 0, 'no reminder in the first days of use');

  // The last backup was 20 days ago, and the sample map changed since.
  await page.evaluate(
    (iso) =>
      new Promise((done, fail) => {
        const open = indexedDB.open('powermap');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const write = open.result.transaction('meta', 'readwrite');
          write.objectStore('meta').put({ key: 'lastBackup', value: iso });
          write.oncomplete = () => {
            open.result.close();
            done();
          };
        };
      }),
    new Date(Date.now() - 20 * 24 * 60 * 60 * 1000).toISOString(),
  );
  await page.reload();
  const reminder = page.getByRole('note', { name: 'Backup reminder' });
  await reminder.getByText('No backup for 20 days').waitFor();
  await backupCard(page).getByText('Last backup: 20 days ago').waitFor();
  await screenshot(page, 'backup-home', { fullPage: true });

  const backup = await backUp(page, reminder.getByRole('button', { name: 'Back up now' }));
  assert.match(backup.name, /^powermap-backup-/);
  await reminder.waitFor({ state: 'detached' });
  await backupCard(page).getByText(/Last backup: (now|\d+ seconds? ago)$/).waitFor();
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});
