// Team maps through a relay process: one person shares a map and gets a link, two others open it
// in their own browsers and see each other's edits and who has what selected; a link with a wrong secret is refused with a
// clear message; the relay is killed and started again on its data directory, an edit made while
// it was down arrives, and nothing is lost.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { card, openSample, suite } from './harness.mjs';
import { startRelayProcess } from './relay-process.mjs';
import { joinByLink as joinWith, select, share, stanceOf, waitForStance } from './team-tools.mjs';

const app = suite();
const data = mkdtempSync(join(tmpdir(), 'powermap-relay-e2e-'));
let relay = null;
let offlineRelay = null;
let emptyRelay = null;
after(async () => {
  await relay?.kill();
  await offlineRelay?.kill();
  await emptyRelay?.kill();
  rmSync(data, { recursive: true, force: true });
});

const joinByLink = (link) => joinWith(app, link);

/** A card's accessible description: the text of the elements its aria-describedby names. */
const description = (page, name) =>
  card(page, name).evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
  );

test('a shared map is edited live in three browsers, a wrong secret reads nothing, and a relay restart loses nothing', async () => {
  relay = await startRelayProcess({ data });
  const anna = await app.openApp();
  await openSample(anna.page);
  const link = await share(anna.page, relay.url, 'key');
  assert.match(link, /#\/join\?relay=ws%3A%2F%2F127\.0\.0\.1%3A\d+&map=map_[\w-]+&secret=[\w-]{16,}&key=[\w-]{43}$/, 'the secret and the key ride in the fragment');

  const boris = await joinByLink(link);
  const clara = await joinByLink(link);

  // Anna marks Henrik a champion; Boris and Clara see it, and see that she has him selected.
  await select(anna.page, 'Henrik Larsen');
  await anna.page.keyboard.press('c');
  await boris.page.getByRole('list', { name: 'Also in this map' }).getByRole('listitem', { name: 'Anna, has selected Henrik Larsen' }).waitFor({ timeout: 15000 });
  await waitForStance(boris.page, 'Henrik Larsen', 'champion');
  await waitForStance(clara.page, 'Henrik Larsen', 'champion');
  // On Boris's canvas Henrik's card is outlined in Anna's colour with her name, and says so to a screen reader.
  await card(boris.page, 'Henrik Larsen').locator('.pm-peer-mark').waitFor({ timeout: 15000 });
  assert.match(await description(boris.page, 'Henrik Larsen'), /^Selected by Anna\b/);
  const mark = card(boris.page, 'Henrik Larsen').locator('.pm-peer-mark');
  assert.equal(await mark.innerText(), 'Anna');
  const annaColour = await boris.page.getByRole('listitem', { name: 'Anna, has selected Henrik Larsen' }).evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(await mark.evaluate((el) => getComputedStyle(el).borderTopColor), annaColour, 'the outline is in Anna’s colour');
  assert.doesNotMatch(await description(boris.page, 'Claire Dubois'), /Selected by/);
  // Boris makes him a blocker; Anna and Clara see that.
  await select(boris.page, 'Henrik Larsen');
  await boris.page.keyboard.press('b');
  await waitForStance(anna.page, 'Henrik Larsen', 'blocker');
  await waitForStance(clara.page, 'Henrik Larsen', 'blocker');

  // A link whose secret is wrong: refused, with a message saying so, and no map opened.
  const intruder = await app.openApp();
  await intruder.page.goto(link.replace(/secret=[\w-]+/, 'secret=guessed'));
  await intruder.page.getByRole('alert').getByText(/access secret is wrong/).waitFor({ timeout: 15000 });
  assert.equal(await intruder.page.getByRole('group', { name: /^Stakeholder: / }).count(), 0, 'a wrong secret reads nothing');
  // The right secret with a key that is not the map's: the relay lets it in, the content stays shut.
  const wrongKey = await app.openApp();
  await wrongKey.page.goto(link.replace(/key=[\w-]+$/, `key=${'A'.repeat(43)}`));
  await wrongKey.page.getByRole('alert').getByText(/encryption key does not open this map/).waitFor({ timeout: 15000 });
  assert.equal(await wrongKey.page.getByRole('group', { name: /^Stakeholder: / }).count(), 0, 'a wrong key reads nothing');

  // The relay dies; Clara edits while it is down; it comes back on the same port and data.
  const port = relay.port;
  await relay.kill('SIGKILL');
  await clara.page.getByRole('button', { name: /offline, reconnecting/ }).waitFor({ timeout: 15000 });
  await select(clara.page, 'Henrik Larsen');
  await clara.page.keyboard.press('1');
  relay = await startRelayProcess({ data, port });
  await waitForStance(anna.page, 'Henrik Larsen', 'champion');
  await waitForStance(boris.page, 'Henrik Larsen', 'champion');
  await anna.page.getByRole('button', { name: /^Shared: live/ }).waitFor({ timeout: 15000 });

  // Someone new joins after the restart: the relay kept the map with every edit.
  const dana = await joinByLink(link);
  assert.match(await stanceOf(dana.page, 'Henrik Larsen'), /champion/i);

  for (const person of [anna, boris, clara, dana]) {
    assert.deepEqual(person.externalRequests, [], 'nothing leaves the machine');
    assert.deepEqual(person.pageErrors, []);
  }
});

const cardCount = (page, name) => page.getByRole('group', { name: new RegExp(`^Stakeholder: ${name}`) }).count();
const stanceWord = async (page, name) => (await stanceOf(page, name)).match(/champion|supporter|neutral|skeptic|blocker/i)?.[0].toLowerCase();

test('two laptops edit offline at the same time, reconnect, and end with the same map', async () => {
  offlineRelay = await startRelayProcess({ data: mkdtempSync(join(tmpdir(), 'powermap-relay-offline-')) });
  const anna = await app.openApp();
  await openSample(anna.page);
  const link = await share(anna.page, offlineRelay.url, 'command');
  const boris = await joinByLink(link);

  for (const person of [anna, boris]) {
    await person.context.setOffline(true);
    await person.page.getByRole('button', { name: /offline, reconnecting/ }).waitFor({ timeout: 15000 });
  }
  // Apart: each changes a different person; both change Henrik's stance; Anna deletes Claire
  // while Boris marks her a champion.
  const apart = [
    [anna, 'Sophie Martin', '4'],
    [boris, 'Matteo Rossi', '3'],
    [anna, 'Henrik Larsen', '1'],
    [boris, 'Henrik Larsen', '5'],
    [anna, 'Claire Dubois', 'Delete'],
    [boris, 'Claire Dubois', '1'],
  ];
  for (const [person, name, key] of apart) {
    await select(person.page, name);
    await person.page.keyboard.press(key);
  }
  await waitForStance(boris.page, 'Claire Dubois', 'champion');
  assert.equal(await cardCount(anna.page, 'Claire Dubois'), 0);
  // Offline really is apart: a second later neither has the other's edits.
  await anna.page.waitForTimeout(1500);
  assert.equal(await stanceWord(anna.page, 'Matteo Rossi'), 'supporter');
  assert.equal(await stanceWord(boris.page, 'Sophie Martin'), 'supporter');

  for (const person of [anna, boris]) await person.context.setOffline(false);
  for (const person of [anna, boris]) await person.page.getByRole('button', { name: /^Shared: live/ }).waitFor({ timeout: 20000 });
  for (const person of [anna, boris]) {
    await waitForStance(person.page, 'Sophie Martin', 'skeptic');
    await waitForStance(person.page, 'Matteo Rossi', 'neutral');
    // The documented rule: a person deleted on one side stays deleted, the other side's edit is dropped.
    await person.page.waitForFunction(() => !document.querySelector('[aria-label^="Stakeholder: Claire Dubois"]'), null, { timeout: 15000 });
  }
  // One stance for Henrik on both, whichever of the two it is.
  let annaSees = '';
  let borisSees = '';
  for (let i = 0; i < 50 && (!annaSees || annaSees !== borisSees); i++) {
    [annaSees, borisSees] = [await stanceWord(anna.page, 'Henrik Larsen'), await stanceWord(boris.page, 'Henrik Larsen')];
    if (annaSees !== borisSees) await anna.page.waitForTimeout(200);
  }
  assert.ok(['champion', 'blocker'].includes(annaSees), `Henrik is one of the two stances set apart, not ${annaSees}`);
  assert.equal(borisSees, annaSees, 'both laptops show the same stance for Henrik');
  for (const person of [anna, boris]) {
    assert.deepEqual(person.externalRequests, [], 'nothing leaves the machine');
    assert.deepEqual(person.pageErrors, []);
  }
});

test('a map shared while still empty: the person a teammate adds far off shows on the screen of the one who joined', async () => {
  emptyRelay = await startRelayProcess({ data: mkdtempSync(join(tmpdir(), 'powermap-relay-empty-')) });
  const anna = await app.openApp();
  await anna.page.getByRole('button', { name: 'New account map' }).click();
  await anna.page.getByRole('textbox', { name: 'Customer or account name' }).fill('Acme Freight');
  await anna.page.getByRole('button', { name: 'Create map' }).click();
  const link = await share(anna.page, emptyRelay.url);
  const boris = await joinWith(app, link, null);

  // Anna pans two screens away (middle button) and adds someone there, where Boris is not looking.
  const pane = await anna.page.locator('.react-flow__pane').boundingBox();
  for (let i = 0; i < 2; i++) {
    await anna.page.mouse.move(pane.x + pane.width - 50, pane.y + pane.height - 50);
    await anna.page.mouse.down({ button: 'middle' });
    await anna.page.mouse.move(pane.x + 50, pane.y + 50, { steps: 8 });
    await anna.page.mouse.up({ button: 'middle' });
  }
  await anna.page.keyboard.press('Control+k');
  const box = anna.page.getByRole('combobox', { name: /^Find a stakeholder or department/ });
  await box.fill('Olga Petrova, CFO');
  await box.press('Enter');
  await card(anna.page, 'Olga Petrova').waitFor();

  // Boris's empty map fits what arrives: her card is drawn, inside his canvas.
  await card(boris.page, 'Olga Petrova').waitFor({ timeout: 15000 });
  const [canvas, olga] = [await boris.page.locator('.react-flow').boundingBox(), await card(boris.page, 'Olga Petrova').boundingBox()];
  assert.ok(olga.x >= canvas.x && olga.y >= canvas.y && olga.x + olga.width <= canvas.x + canvas.width && olga.y + olga.height <= canvas.y + canvas.height, `Olga's card is on Boris's screen: ${JSON.stringify({ canvas, olga })}`);
  for (const person of [anna, boris]) assert.deepEqual(person.pageErrors, []);
});
