// Offline and updates: after one visit the service worker serves the whole app, so with the server
// stopped and the network gone the maps in this browser still open and save. A new release waits
// until the user reloads into it, and that reload keeps the edit made just before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { card, distDir, screenshot, startServer, suite } from './harness.mjs';

const app = suite();

const openSample = (page) => page.getByRole('button', { name: 'Open Nordwind Logistics AG' });
const stanceOf = (page, name) => card(page, name).locator('.pm-card__stance-label').textContent();

/** Waits until the service worker is active and answers this page's requests. */
async function workerInControl(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 20_000 });
}

async function tagChampion(page, name) {
  await card(page, name).click({ position: { x: 60, y: 12 } });
  await page.keyboard.press('c');
  await card(page, name).getByText('Champion', { exact: true }).first().waitFor();
}

const md5 = (text) => createHash('md5').update(text).digest('hex');

/**
 * A copy of the build as the next release: index.html carries a marker, and the worker's precache
 * list the new revision of index.html, as a real build would write it.
 */
async function nextRelease() {
  const dir = await mkdtemp(join(tmpdir(), 'powermap-next-'));
  await cp(distDir, dir, { recursive: true });
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const nextHtml = html.replace('<title>', '<meta name="powermap-release" content="next" />\n    <title>');
  const worker = await readFile(join(dir, 'sw.js'), 'utf8');
  assert.ok(worker.includes(md5(html)), 'the worker lists index.html by the MD5 of its content');
  await writeFile(join(dir, 'index.html'), nextHtml);
  await writeFile(join(dir, 'sw.js'), worker.replace(md5(html), md5(nextHtml)));
  return dir;
}

test('after one visit the app, its fonts and every stored map open with the server stopped and no network', async () => {
  const server = await startServer();
  const { page, context, externalRequests, pageErrors } = await app.openApp({ baseUrl: server.url });
  // A second map beside the sample, so the home view has more than the first start gave it.
  await page.getByRole('button', { name: 'New account map' }).click();
  await page.getByRole('textbox', { name: 'Customer or account name' }).fill('Acme Freight');
  await page.getByRole('button', { name: 'Create map' }).click();
  await page.getByRole('heading', { name: 'Acme Freight', level: 1 }).waitFor();
  await workerInControl(page);

  await server.close();
  await context.setOffline(true);
  await page.goto(server.url);
  await openSample(page).waitFor();
  await page.getByRole('button', { name: 'Open Acme Freight' }).waitFor();

  await openSample(page).click();
  await card(page, 'Σταύρος Παπαδόπουλος').waitFor();
  const fontsReady = await page.evaluate(async () => {
    await document.fonts.ready;
    return ['Σταύρος Παπαδόπουλος', 'Анна Кузнецова', 'Ștefan Țărănescu'].every((text) => document.fonts.check('700 15px "Noto Sans"', text));
  });
  assert.ok(fontsReady, 'the self-hosted fonts load from the cache');
  // Exports embed the woff2 files themselves: every one of them is there without a server.
  const fontFiles = (await readdir(join(distDir, 'assets'))).filter((name) => name.endsWith('.woff2'));
  assert.ok(fontFiles.length >= 12, `Latin, Latin Extended, Greek and Cyrillic at three weights (${fontFiles.length} files)`);
  const fetched = await page.evaluate(
    (files) => Promise.all(files.map((file) => fetch(`/assets/${file}`).then((response) => response.ok, () => false))),
    fontFiles,
  );
  assert.deepEqual(
    fontFiles.filter((_, index) => !fetched[index]),
    [],
    'every font file is served offline',
  );

  assert.equal(await stanceOf(page, 'Henrik Larsen'), 'Neutral');
  await tagChampion(page, 'Henrik Larsen');
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  await page.reload();
  await card(page, 'Henrik Larsen').waitFor();
  assert.equal(await stanceOf(page, 'Henrik Larsen'), 'Champion', 'the offline edit was stored');
  await screenshot(page, 'offline-map');

  assert.deepEqual(externalRequests, []);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('a new release waits for "Update available — reload", which keeps the edit made just before', async () => {
  const first = await startServer();
  const { page, context, externalRequests, pageErrors } = await app.openApp({ baseUrl: first.url });
  await openSample(page).click();
  await card(page, 'Henrik Larsen').waitFor();
  await workerInControl(page);

  await first.close();
  const releaseDir = await nextRelease();
  const second = await startServer({ dir: releaseDir, port: first.port });
  try {
    // The open page marks itself: a reload, asked for or not, would lose the mark.
    await page.evaluate(() => (window.samePage = true));
    // The app looks for a release every hour; ask now, as that check does.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration.update()));
    const update = page.getByRole('button', { name: 'Update available — reload' });
    await update.waitFor();
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => window.samePage), true, 'the new version did not take over by itself');
    assert.equal(await page.locator('meta[name="powermap-release"]').count(), 0);

    // The notice stays clear of the toolbar and of the map's own controls.
    const notice = await page.getByRole('status', { name: 'New version' }).boundingBox();
    const controls = [
      page.getByRole('toolbar', { name: 'Map toolbar' }),
      page.locator('.react-flow__controls'),
      page.locator('.pm-overview'),
      page.locator('.pm-focus'),
      page.getByRole('button', { name: /Legend/ }),
    ];
    for (const control of controls) {
      const box = await control.boundingBox();
      assert.ok(box, `${control} is on screen`);
      const apart =
        notice.x + notice.width <= box.x || box.x + box.width <= notice.x || notice.y + notice.height <= box.y || box.y + box.height <= notice.y;
      assert.ok(apart, `the notice ${JSON.stringify(notice)} does not cover ${control} ${JSON.stringify(box)}`);
    }
    await screenshot(page, 'update-notice-map');

    // Dismissed, it is gone; the update still waits and is offered again on the next visit,
    // here on the home view, above the list of maps.
    await page.getByRole('button', { name: 'Dismiss update notice' }).click();
    assert.equal(await update.count(), 0);
    await page.getByRole('button', { name: 'Back to all maps' }).click();
    await page.reload();
    await update.waitFor();
    assert.equal(await page.locator('meta[name="powermap-release"]').count(), 0, 'a reload alone keeps the old version');
    await screenshot(page, 'update-notice-home');
    await openSample(page).click();
    await card(page, 'Henrik Larsen').waitFor();

    // When the page lets the new release take over, note what the save status says then.
    await page.evaluate(() => {
      const post = ServiceWorker.prototype.postMessage;
      ServiceWorker.prototype.postMessage = function (message, ...rest) {
        if (message?.type !== 'SKIP_WAITING') return post.call(this, message, ...rest);
        setTimeout(() => {
          sessionStorage.setItem('statusAtTakeOver', document.querySelector('.pm-save')?.textContent ?? '');
          post.call(this, message, ...rest);
        }, 50);
      };
    });
    // An edit, and the reload straight after it, before the autosave's debounce has run out.
    await tagChampion(page, 'Henrik Larsen');
    const loaded = page.waitForEvent('load');
    await update.click();
    await loaded;
    assert.equal(
      await page.evaluate(() => sessionStorage.getItem('statusAtTakeOver')),
      'All changes saved',
      'the edit was written before the new release took over',
    );
    await page.locator('meta[name="powermap-release"]').waitFor({ state: 'attached' });
    await card(page, 'Henrik Larsen').waitFor();
    assert.equal(await stanceOf(page, 'Henrik Larsen'), 'Champion', 'the edit made before the reload is there');
    assert.equal(await update.count(), 0, 'no update waits any more');

    assert.deepEqual(externalRequests, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
    await second.close();
    await rm(releaseDir, { recursive: true, force: true });
  }
});

test('the browser can install the app: a manifest named Powermap with icons of the sizes it declares', async () => {
  const { page, context, externalRequests } = await app.openApp();
  await openSample(page).waitFor();
  await workerInControl(page);
  // The manifest as Chromium itself found and read it.
  const cdp = await context.newCDPSession(page);
  const { url, errors, data } = await cdp.send('Page.getAppManifest');
  assert.ok(url.endsWith('/manifest.webmanifest'), `the page links the manifest (${url})`);
  assert.deepEqual(errors, [], 'the manifest parses without errors');
  const manifest = JSON.parse(data);
  assert.equal(manifest.name, 'Powermap');
  assert.equal(manifest.display, 'standalone');
  const themeColour = await page.locator('meta[name="theme-color"]').getAttribute('content');
  assert.equal(manifest.theme_color, themeColour, 'the installed window has the colour of the page');
  const icons = await page.evaluate(
    (list) =>
      Promise.all(
        list.map(async (icon) => {
          const image = new Image();
          image.src = icon.src;
          await image.decode();
          return { ...icon, drawn: `${image.naturalWidth}x${image.naturalHeight}` };
        }),
      ),
    manifest.icons,
  );
  for (const icon of icons) assert.equal(icon.drawn, icon.sizes, `${icon.src} is ${icon.sizes}`);
  assert.deepEqual(icons.map((icon) => `${icon.sizes} ${icon.purpose}`).sort(), ['192x192 any', '512x512 any', '512x512 maskable']);
  assert.deepEqual(externalRequests, []);
  await context.close();
});
