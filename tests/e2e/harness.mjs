// End-to-end harness: serves the built app (dist/, or $POWERMAP_DIST) on loopback and drives an
// installed Chromium through playwright-core. Nothing here downloads a browser or touches the network.
//
//   import { test } from 'node:test';
//   import assert from 'node:assert/strict';
//   import { suite } from './harness.mjs';
//
//   const app = suite();                       // one server + one browser for this file
//   test('opens', async () => {
//     const { page, externalRequests, pageErrors } = await app.openApp();
//     ...
//   });
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

/** The repository root (two levels above this file), so the harness works from any working directory. */
export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export const CHROMIUM_MISSING =
  "End-to-end tests need Chromium. Install Debian's package (sudo apt-get install chromium) or set CHROME_PATH to a Chromium/Chrome binary.";

/** The built app that is served: $POWERMAP_DIST (relative to the working directory) or <repo>/dist. */
export const distDir = process.env.POWERMAP_DIST ? resolve(process.env.POWERMAP_DIST) : join(repoRoot, 'dist');

export const DIST_MISSING = `No built app in ${distDir} (index.html not found). Run npm run build first.`;

/** Where screenshots go. */
export const resultsDir = join(repoRoot, 'test-results');

/**
 * The Chromium binary to drive: $CHROME_PATH when set (and then only that, so a wrong path is
 * reported rather than silently replaced), else the first of Debian's and Google's usual paths.
 */
export function findChromium() {
  const candidates = process.env.CHROME_PATH
    ? [process.env.CHROME_PATH]
    : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(CHROMIUM_MISSING);
  return found;
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves a built app (distDir unless `dir` is given) on 127.0.0.1, at a free port unless `port` is
 * given (to bring a stopped server back on the same origin, where the service worker lives).
 * Existing files are served with their MIME type; any other path without a file extension gets
 * index.html (SPA fallback); a missing asset is a 404, so a broken bundle fails loudly instead of
 * receiving HTML.
 *
 * Caching: by default nothing may be stored (no-store), so a test never runs a file left from an
 * earlier build. With `cacheable`, files are served as a static host set up for a Vite build serves
 * them: the content-hashed files under assets/ may be kept for good (immutable), anything else is
 * kept and checked each time (ETag, a 304 when unchanged). The benchmark serves both its pages so:
 * Chromium keeps compiled code only for scripts it may store, and with no-store every open of a map
 * compiled every script again, which no user with a cache (or the app's service worker) sees.
 * @param {{ dir?: string, port?: number, cacheable?: boolean }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>} url ends with '/'.
 */
export async function startServer({ dir = distDir, port = 0, cacheable = false } = {}) {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) throw new Error(dir === distDir ? DIST_MISSING : `No built app in ${dir} (index.html not found).`);
  const root = dir.endsWith(sep) ? dir : dir + sep;

  const server = createServer(async (request, response) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      let pathname;
      try {
        pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      } catch {
        response.writeHead(400).end();
        return;
      }
      let file = normalize(join(dir, pathname));
      if (!file.startsWith(root) || !(await isFile(file))) {
        if (extname(pathname) && extname(pathname) !== '.html') {
          response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`Not found: ${pathname}`);
          return;
        }
        file = indexFile;
      }
      const body = await readFile(file);
      const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
      if (cacheable) {
        const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
        const cacheControl = /\/assets\//.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache';
        if (request.headers['if-none-match'] === etag) {
          response.writeHead(304, { etag, 'cache-control': cacheControl }).end();
          return;
        }
        response.writeHead(200, { 'content-type': type, 'content-length': body.length, etag, 'cache-control': cacheControl });
      } else {
        response.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-store' });
      }
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(String(error));
    }
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', done);
  });
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}/`,
    port: address.port,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections?.();
        server.close(() => done());
      }),
  };
}

/** The flags every test browser runs with: no GPU, no sandbox, nothing phoning home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium via playwright-core, at the binary findChromium() picks. */
export async function launchBrowser() {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
}

/**
 * Headless Chromium on a profile kept in `userDataDir`, like a person's browser: storage outlives
 * the browser, so closing it and launching again on the same directory shows what was really kept.
 */
export async function launchProfile(userDataDir, options = {}) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    ...options,
  });
}

function isLocalUrl(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (['data:', 'blob:', 'about:'].includes(url.protocol)) return true;
  return url.hostname === '127.0.0.1';
}

/**
 * POWERMAP_E2E_CPU_SLOWDOWN=3 runs every page openApp() opens on a CPU three times slower (Chromium's
 * own throttling): a check that no test leans on this machine's speed, as the CI machine may be slower.
 */
const CPU_SLOWDOWN = Number(process.env.POWERMAP_E2E_CPU_SLOWDOWN) || 1;

/** The suite whose before() hook ran most recently: what the top-level openApp() uses. */
let currentSuite = null;

/**
 * One server and one browser shared by the tests of a file (node:test before/after hooks). Call it
 * once at the top level of a test file. Every openApp() gets a fresh browser context: own
 * IndexedDB and localStorage, downloads accepted.
 */
export function suite() {
  const shared = { server: null, browser: null, contexts: new Set() };

  const api = {
    /** The server's base URL, e.g. http://127.0.0.1:40123/ (valid once the before() hook ran). */
    get url() {
      if (!shared.server) throw new Error('The e2e server is not running: call suite() at the top level of the test file.');
      return shared.server.url;
    },
    get browser() {
      return shared.browser;
    },
    /** A fresh browser context (fresh storage, downloads accepted); closed after the file's tests. */
    async newContext(options = {}) {
      if (!shared.browser) throw new Error('The e2e browser is not running: call suite() at the top level of the test file.');
      const context = await shared.browser.newContext({
        acceptDownloads: true,
        viewport: { width: 1280, height: 800 },
        // The tests read English labels: pin the browser's language whatever the machine's is.
        locale: 'en-US',
        ...options,
      });
      shared.contexts.add(context);
      context.on('close', () => shared.contexts.delete(context));
      return context;
    },
    /**
     * Opens the app in a new page and waits for its load event.
     * @param {{ viewport?: {width:number,height:number}, context?: import('playwright-core').BrowserContext, path?: string, baseUrl?: string }} [options]
     *   context: reuse a context (e.g. a second tab on the same storage); path: appended to the base URL;
     *   baseUrl: a server the test started itself (startServer) instead of the file's shared one.
     * @returns {Promise<{ context, page, externalRequests: string[], pageErrors: string[], consoleErrors: string[] }>}
     *   externalRequests: every request URL not on 127.0.0.1 (data:/blob: are local);
     *   pageErrors: uncaught exceptions in the page; consoleErrors: console.error() messages.
     */
    async openApp({ viewport, context, path = '', baseUrl } = {}) {
      const ctx = context ?? (await api.newContext(viewport ? { viewport } : {}));
      const page = await ctx.newPage();
      if (context && viewport) await page.setViewportSize(viewport);
      const externalRequests = [];
      const pageErrors = [];
      const consoleErrors = [];
      page.on('request', (request) => {
        if (!isLocalUrl(request.url())) externalRequests.push(request.url());
      });
      page.on('pageerror', (error) => pageErrors.push(error.stack || error.message || String(error)));
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      if (CPU_SLOWDOWN > 1) await (await ctx.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      await page.goto((baseUrl ?? api.url) + path.replace(/^\//, ''));
      return { context: ctx, page, externalRequests, pageErrors, consoleErrors };
    },
  };

  before(async () => {
    shared.server = await startServer();
    shared.browser = await launchBrowser();
    currentSuite = api;
  });
  after(async () => {
    for (const context of shared.contexts) await context.close().catch(() => {});
    await shared.browser?.close();
    await shared.server?.close();
    if (currentSuite === api) currentSuite = null;
  });
  return api;
}

/** Older name of suite(), kept for existing test files. */
export const useApp = suite;

/** openApp() of the file's suite(); the file must call suite() at its top level. */
export async function openApp(options) {
  if (!currentSuite) throw new Error('openApp() needs a running suite: call suite() at the top level of the test file.');
  return currentSuite.openApp(options);
}

/** Saves a screenshot of the viewport to test-results/<name>.png and returns the path. */
export async function screenshot(page, name, options = {}) {
  await mkdir(resultsDir, { recursive: true });
  const path = join(resultsDir, `${name}.png`);
  await page.screenshot({ path, ...options });
  return path;
}

/** Decodes a PNG file in the page: its size, top-left pixel (RGBA) and a count of sampled colours. */
export async function inspectPng(page, path) {
  const base64 = (await readFile(path)).toString('base64');
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set();
    for (let i = 0; i < pixels.length; i += 4 * 97) colours.add(pixels.slice(i, i + 4).join());
    return { width: image.naturalWidth, height: image.naturalHeight, corner: [...pixels.slice(0, 4)], colours: colours.size };
  }, base64);
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The card of one stakeholder, found by name as a screen reader announces it ("Stakeholder: name,
 * title"). `name` is plain text: "(no name)" matches literally. The name may be the start of the
 * card's name, unless `{ exact: true }` (then "Person 1" does not find "Person 10").
 */
export const card = (page, name, { exact = false } = {}) =>
  page.getByRole('group', { name: new RegExp(`^Stakeholder: ${escapeRegExp(name)}${exact ? '(,|$)' : ''}`) });

/** Every stakeholder card on the canvas. */
export const allCards = (page) => page.getByRole('group', { name: /^Stakeholder: / });

/** Opens the sample account map from the home view and waits until its cards are drawn. */
export async function openSample(page) {
  await page.getByRole('button', { name: 'Open Nordwind Logistics AG' }).click();
  await card(page, 'Henrik Larsen').waitFor();
}

/** Takes a snapshot of the open map through the Insights panel, and closes the panel again. */
export async function takeSnapshot(page, name) {
  const toolbar = page.getByRole('toolbar', { name: 'Map toolbar' });
  await toolbar.getByRole('button', { name: 'Insights' }).click();
  const snapshots = page.getByRole('region', { name: 'Snapshots' });
  await snapshots.getByRole('button', { name: 'Take snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Take a snapshot' });
  await dialog.getByLabel('Snapshot name').fill(name);
  await dialog.getByRole('button', { name: 'Take snapshot' }).click();
  await snapshots.getByRole('button', { name: `View ${name}` }).waitFor();
  // Closed again: the panel stays as it was left when the next map opens.
  await toolbar.getByRole('button', { name: 'Insights' }).click();
  await snapshots.waitFor({ state: 'detached' });
}

/**
 * Waits until the canvas has stopped easing: the viewport transform is the same over three readings
 * 250 ms apart. One equal pair is not enough on a loaded machine, where an easing can stall between
 * two frames for longer than 250 ms.
 */
export async function settled(page) {
  let last = '';
  let steady = 0;
  for (let i = 0; i < 60; i++) {
    const now = await page.evaluate(() => document.querySelector('.react-flow__viewport')?.style.transform ?? '');
    steady = now === last ? steady + 1 : 0;
    if (steady >= 2) return;
    last = now;
    await page.waitForTimeout(250);
  }
  throw new Error('the view never came to rest');
}
