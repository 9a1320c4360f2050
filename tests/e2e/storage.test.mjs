// Nothing is lost: edits survive closing the tab, a second tab never overwrites the first, and a
// failed write is told to the user and retried.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { card, openSample, useApp } from './harness.mjs';

const app = useApp();

async function tagChampion(page, name) {
  await card(page, name).hover();
  await page.getByRole('button', { name: `Champion: tag ${name}` }).click();
}

test('an edit made one second before the tab closes is there on reopening', async () => {
  const { context, page } = await app.openApp();
  await openSample(page);
  await tagChampion(page, 'Laura Bianchi');
  await page.waitForTimeout(1000);
  await page.close({ runBeforeUnload: true });

  const again = await context.newPage();
  await again.goto(app.url);
  await openSample(again);
  assert.match(await card(again, 'Laura Bianchi').textContent(), /Champion/);
  await context.close();
});

test('a second tab on the same map is read-only until the first one leaves it', async () => {
  const { context, page: first } = await app.openApp();
  await openSample(first);
  const mapUrl = first.url();

  const second = await context.newPage();
  await second.goto(mapUrl);
  await card(second, 'Henrik Larsen').waitFor();
  await second.getByRole('alert').filter({ hasText: 'open in another tab' }).first().waitFor();
  await second.getByRole('status').filter({ hasText: 'Read-only' }).waitFor();
  assert.equal(await second.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name: 'Add stakeholder' }).isDisabled(), true);

  // The first tab edits, then closes: the second tab takes over with that edit loaded.
  await tagChampion(first, 'Femke Jansen');
  await first.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  await first.close({ runBeforeUnload: true });
  await second.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  assert.match(await card(second, 'Femke Jansen').textContent(), /Champion/);
  assert.equal(await second.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name: 'Add stakeholder' }).isDisabled(), false);
  await context.close();
});

test('a full disk is reported, the edit is kept and saved once space is back', async () => {
  const context = await app.newContext();
  // Simulate "quota exceeded" on every IndexedDB write while the flag is set.
  await context.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.__failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  const { page } = await app.openApp({ context });
  await openSample(page);
  await page.evaluate(() => {
    window.__failWrites = true;
  });
  await tagChampion(page, 'Oskar Lindqvist');
  await page.getByRole('alert').filter({ hasText: 'storage for this site is full' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Not saved' }).waitFor();
  assert.match(await card(page, 'Oskar Lindqvist').textContent(), /Champion/);

  await page.evaluate(() => {
    window.__failWrites = false;
  });
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor({ timeout: 15000 });
  await page.reload();
  await card(page, 'Oskar Lindqvist').waitFor();
  assert.match(await card(page, 'Oskar Lindqvist').textContent(), /Champion/);
  await context.close();
});
