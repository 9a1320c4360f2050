// The rest of the app on a shared map. Anna makes a map from a CRM export and shares it; Boris
// joins from the link. On the shared map: a snapshot, an SVG export and the handover brief show
// what both made, a newer CRM export re-imported by Anna reaches Boris (his own edit kept), and
// with the relay stopped Boris's copy of the map still opens, takes an edit that survives a
// reload, and hands it on when the relay is back.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { card, suite, takeSnapshot } from './harness.mjs';
import { startRelayProcess } from './relay-process.mjs';
import { chooseFile, importAsNewMap, NEWER_EXPORT, OLDER_EXPORT } from './import-tools.mjs';
import { joinByLink, select, share, waitForStance } from './team-tools.mjs';

const app = suite();
const data = mkdtempSync(join(tmpdir(), 'powermap-relay-tools-'));
let relay = null;
after(async () => {
  await relay?.kill();
  rmSync(data, { recursive: true, force: true });
});

const toolbar = (page) => page.getByRole('toolbar', { name: 'Map toolbar' });

/** The texts of the whole map's SVG export. */
async function svgTexts(page) {
  await toolbar(page).getByRole('button', { name: 'Export PNG' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export image' });
  await dialog.getByRole('radio', { name: 'SVG (vector)' }).check();
  await dialog.getByRole('radio', { name: 'The whole map' }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download SVG' }).click()]);
  assert.equal(download.suggestedFilename(), 'General Electric.svg');
  const svg = readFileSync(await download.path(), 'utf8');
  return page.evaluate((text) => [...new DOMParser().parseFromString(text, 'image/svg+xml').querySelectorAll('text')].map((t) => t.textContent), svg);
}

async function briefMarkdown(page) {
  await toolbar(page).getByRole('button', { name: 'Handover brief' }).click();
  const dialog = page.getByRole('dialog', { name: 'Handover brief' });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download Markdown' }).click()]);
  assert.match(download.suggestedFilename(), /^general-electric-brief-\d{4}-\d{2}-\d{2}\.md$/);
  const markdown = readFileSync(await download.path(), 'utf8');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  return markdown;
}

/** Fits the map to the screen until `locator` shows (the change it shows may still be on its way). */
async function fitUntilShown(page, locator, timeout = 30000) {
  const until = Date.now() + timeout;
  for (;;) {
    await toolbar(page).getByRole('button', { name: /^Fit/ }).click();
    try {
      await locator.waitFor({ timeout: 1000 });
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
    }
  }
}

/** The brief's section whose heading names `heading`, up to the next section (people in it have headings of their own). */
const section = (markdown, heading) => markdown.split(/^(?=## )/m).find((part) => new RegExp(`^## .*${heading}`).test(part)) ?? '';

test('on a shared map a snapshot, an export, the brief and a CRM re-import work, and the map opens with the relay stopped', async () => {
  relay = await startRelayProcess({ data });
  const anna = await app.openApp({ viewport: { width: 1400, height: 1000 } });
  await importAsNewMap(anna.page, OLDER_EXPORT, 'General Electric', 6, 'Imported 6 stakeholders and 5 reports-to links into “General Electric”.');
  await card(anna.page, 'Ethan Willson, Sales Manager').waitFor();
  const link = await share(anna.page, relay.url, 'button');
  const boris = await joinByLink(app, link, 'Ethan Willson');

  // Boris makes Ethan a champion; Anna sees it.
  await select(boris.page, 'Ethan Willson');
  await boris.page.keyboard.press('c');
  await waitForStance(anna.page, 'Ethan Willson', 'champion');

  // A snapshot of the shared map, before the CRM update.
  await takeSnapshot(anna.page, 'Before the CRM update');

  // Anna re-imports the newer export into the shared map and applies every change it offers.
  await chooseFile(anna.page, toolbar(anna.page).getByRole('button', { name: 'Import map file or CSV' }), NEWER_EXPORT);
  const dialog = anna.page.getByRole('dialog', { name: 'Import stakeholders into “General Electric”' });
  await dialog.getByRole('button', { name: 'Review changes from 6 rows' }).click();
  await dialog.getByRole('group', { name: /^New people/ }).getByRole('checkbox', { name: 'Noah Miller, IT Procurement Lead, Technology' }).waitFor();
  await dialog.getByRole('button', { name: /^Apply \d+ changes$/ }).click();
  await dialog.getByRole('status').filter({ hasText: /^Updated “General Electric” from “salesforce-api-export-contact-reportsto-newer\.csv”: 1 new, \d+ updated, 1 marked as left the company\./ }).waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();

  // Boris gets the re-import: the new person in the new department, the new title, and his own
  // edit (Ethan a champion) kept under it.
  // The import adds a department beside the map, outside Boris's view, where cards are not
  // mounted: he fits the map to the screen, as anyone looks for what a teammate added.
  await fitUntilShown(boris.page, card(boris.page, 'Noah Miller, IT Procurement Lead'));
  await boris.page.getByRole('group', { name: 'Department: Technology' }).waitFor();
  await card(boris.page, 'Ethan Willson, Head of Sales EMEA').waitFor();
  await card(boris.page, 'Jacob Williams, Chief Technology Officer').waitFor();
  await waitForStance(boris.page, 'Ethan Willson', 'champion');

  // Boris's export and brief are of the shared map as it is now, Anna's import included.
  const texts = await svgTexts(boris.page);
  for (const name of ['General Electric', 'Noah Miller', 'Ethan Willson', 'Head of Sales EMEA']) assert.ok(texts.includes(name), `${name} is in the SVG: ${texts.join(', ')}`);
  const markdown = await briefMarkdown(boris.page);
  assert.match(markdown, /General Electric/);
  // Boris's champion with the title Anna's import gave him, and the person the import marked as gone.
  assert.match(section(markdown, 'Champions'), /Ethan Willson — Head of Sales EMEA/);
  assert.match(section(markdown, 'Summary'), /1 person left the company/);
  // A snapshot on Boris's side too, after the update.
  await takeSnapshot(boris.page, 'After the CRM update');

  // The relay stops. Boris's map still opens from this browser's copy, with everything it had.
  await relay.kill('SIGKILL');
  await boris.page.getByRole('button', { name: /offline, reconnecting/ }).waitFor({ timeout: 15000 });
  await boris.page.reload();
  await card(boris.page, 'Noah Miller, IT Procurement Lead').waitFor({ timeout: 20000 });
  await boris.page.getByRole('button', { name: /offline, reconnecting/ }).waitFor({ timeout: 15000 });
  await waitForStance(boris.page, 'Ethan Willson', 'champion');
  // An edit offline is kept in that copy through another reload…
  await select(boris.page, 'Noah Miller');
  await boris.page.keyboard.press('b');
  await waitForStance(boris.page, 'Noah Miller', 'blocker');
  await boris.page.waitForTimeout(1000);
  await boris.page.reload();
  await card(boris.page, 'Noah Miller').waitFor({ timeout: 20000 });
  await waitForStance(boris.page, 'Noah Miller', 'blocker');
  // …and reaches Anna when the relay is back.
  // Both browsers reconnect on their own (back-off up to 3 s each).
  relay = await startRelayProcess({ data, port: relay.port });
  await boris.page.getByRole('button', { name: /^Shared: live/ }).waitFor({ timeout: 30000 });
  await anna.page.getByRole('button', { name: /^Shared: live/ }).waitFor({ timeout: 30000 });
  // Noah reached Boris about a second before the first reload. Boris's Yjs state kept him as
  // received, so the edit went into Anna's record of Noah; when that state was stored only a second
  // after a change, the reload re-created Noah as Boris's own copy, and Yjs kept Anna's (by client
  // id, so in about half the runs), with the edit in the other.
  await waitForStance(anna.page, 'Noah Miller', 'blocker');
  await waitForStance(boris.page, 'Noah Miller', 'blocker');

  for (const person of [anna, boris]) {
    assert.deepEqual(person.externalRequests, [], 'nothing leaves the machine');
    assert.deepEqual(person.pageErrors, []);
  }
});
