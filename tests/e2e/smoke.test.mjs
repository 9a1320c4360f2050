// The smallest end-to-end check: the built app loads, renders something, throws nothing and asks
// nothing of the network. Kept tolerant on purpose: it does not depend on any particular screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, suite } from './harness.mjs';

const app = suite();

test('the app loads with no page errors and no request leaving the machine', async () => {
  const { page, externalRequests, pageErrors } = await app.openApp();
  await page.waitForFunction(() => document.title === 'Powermap', null, { timeout: 15_000 });
  await page.locator('main, [role="main"], h1, h2, h3, h4, h5, h6, [role="heading"]').first().waitFor({ timeout: 15_000 });
  // Let late requests (fonts, lazy chunks) happen before checking that none left 127.0.0.1.
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await screenshot(page, 'smoke');
  assert.equal(await page.title(), 'Powermap');
  assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  assert.deepEqual(externalRequests, [], 'no request to anything but 127.0.0.1');
  await page.context().close();
});
