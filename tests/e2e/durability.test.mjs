// Every committed edit survives the page going away at once: the browser closed, the tab
// navigated elsewhere, the renderer crashed, 0, 50 or 150 ms after the edit shows. Each leaving
// way gets its own persistent profile (storage outlives the browser, as on a person's machine)
// and a run of cycles on the sample map. A cycle makes one edit of each kind (delete, add, draw a
// link, nudge a card, change a stance, import a CSV), in an order that puts each kind last in
// turn, so the leaving comes while autosave's debounce still holds them; then the page goes, the
// map is opened again, and every edit of every cycle so far must be there. A card dragged with the
// mouse is stored only at the drop: it must be kept when the renderer crashes or the browser closes
// the moment the button is released.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { card as cardNamed, launchProfile, startServer } from './harness.mjs';

/**
 * Cycles per delay and leaving way: 10 (each way left 10 times at each delay, 90 leavings and 540
 * edits in all). DURABILITY_REPEATS=2 gives a quick check while working on this file.
 */
const REPEATS = Number(process.env.DURABILITY_REPEATS ?? 10);
const DELAYS_MS = [0, 50, 150];

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.close();
});

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const card = (page, name) => cardNamed(page, name, { exact: true });
const toolbar = (page) => page.getByRole('toolbar', { name: 'Map toolbar' });
const lines = (page) => page.getByLabel(/^Link: /);
const added = (cycle) => `Added Person ${cycle}`;
const imported = (cycle) => `Imported Person ${cycle}`;

/** The card's position on the map (React Flow's translate), not on the screen. */
const mapX = (page, name) =>
  card(page, name).evaluate((element) => Number(/translate\(([-\d.]+)px/.exec(element.closest('.react-flow__node').style.transform)[1]));

async function select(page, name) {
  await card(page, name).click({ position: { x: 12, y: 12 } });
}

/** The element's box once it has stayed put for 100 ms. */
async function settledBox(locator) {
  let box = await locator.boundingBox();
  for (let tries = 0; tries < 50; tries++) {
    await sleep(100);
    const next = await locator.boundingBox();
    if (next && box && Math.abs(next.x - box.x) < 0.5 && Math.abs(next.y - box.y) < 0.5 && Math.abs(next.width - box.width) < 0.5) return next;
    box = next;
  }
  return box;
}

/** Each edit returns once the page shows it: from then on it counts as made. */
const EDITS = {
  async add(page, cycle) {
    await page.keyboard.press('Escape');
    await toolbar(page).getByRole('button', { name: 'Add stakeholder' }).click();
    const field = page.getByRole('textbox', { name: 'Name of New stakeholder' });
    await field.fill(added(cycle));
    await field.press('Enter');
    await card(page, added(cycle)).waitFor();
  },
  async link(page, cycle) {
    if (cycle < 1) return;
    const before = await lines(page).count();
    const from = added(cycle - 1);
    await card(page, from).hover();
    // As a person would: aim at the handle once it shows and the view has stopped moving (it eases
    // after adds and imports); Playwright's hover waits until the handle itself takes the pointer.
    const handle = page.getByLabel(`Draw a link from ${from}`);
    const target = await settledBox(card(page, 'Claire Dubois'));
    await settledBox(handle);
    await handle.hover();
    await page.mouse.down();
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 6 });
    await page.mouse.up();
    await page.waitForFunction((count) => document.querySelectorAll('[aria-label^="Link: "]').length === count, before + 1);
  },
  async move(page, cycle, expected) {
    const before = await mapX(page, 'Henrik Larsen');
    await select(page, 'Henrik Larsen');
    await page.keyboard.press('Alt+ArrowRight');
    await page.waitForFunction(
      (before) => [...document.querySelectorAll('[aria-label^="Stakeholder: Henrik Larsen"]')].some(
        (element) => !element.closest('.react-flow__node').style.transform.startsWith(`translate(${before}px`),
      ),
      before,
    );
    expected.henrikX = await mapX(page, 'Henrik Larsen');
    assert.ok(expected.henrikX > before, 'the nudge moved Henrik right');
  },
  async stance(page, cycle) {
    await select(page, 'Henrik Larsen');
    // Henrik starts neutral; champion and blocker alternate, so every cycle changes his stance.
    await page.keyboard.press(cycle % 2 === 0 ? 'c' : 'b');
    // Read from his accessible name: a card seen from far shows only the name, not the stance word.
    const stance = cycle % 2 === 0 ? 'champion' : 'blocker';
    await page.getByRole('group', { name: new RegExp(`^Stakeholder: Henrik Larsen,.*\\b${stance}\\b`) }).waitFor();
  },
  async import(page, cycle) {
    await page.keyboard.press('Escape');
    const csv = `First Name;Last Name;Title;Department\r\nImported;Person ${cycle};Analyst;Operations\r\n`;
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      toolbar(page).getByRole('button', { name: 'Import map file or CSV' }).click(),
    ]);
    await chooser.setFiles({ name: `cycle-${cycle}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const dialog = page.getByRole('dialog', { name: /^Import stakeholders into/ });
    await dialog.getByRole('button', { name: /^Import 1 row/ }).click();
    await dialog.getByText('Imported 1 stakeholder').waitFor();
    return async () => dialog.getByRole('button', { name: 'Done' }).click();
  },
  async delete(page, cycle) {
    for (const name of [cycle >= 2 ? added(cycle - 2) : null, cycle >= 1 ? imported(cycle - 1) : null]) {
      if (!name) continue;
      await select(page, name);
      await page.keyboard.press('Delete');
      await card(page, name).waitFor({ state: 'detached' });
    }
  },
};
const KINDS = Object.keys(EDITS);

/** The cycle's edits with `last` at the end (each edit works on cards of earlier cycles, so any order goes). */
const orderFor = (last) => [...KINDS.filter((kind) => kind !== last), last];

/**
 * Which kind comes last and how long before leaving: every 18 cycles pair each kind with each
 * delay once, and each delay comes equally often. (Cycle 0 starts with `add`: its link and
 * delete have nothing to work on yet.)
 */
function cyclePlan(cycle) {
  const kind = cycle % KINDS.length;
  const block = Math.floor(cycle / KINDS.length);
  return { last: KINDS[kind], delay: DELAYS_MS[(kind + block) % DELAYS_MS.length] };
}

/** What the map must show after `cycle` (and every cycle before it). */
async function verify(page, cycle, expected) {
  const where = `after cycle ${cycle}`;
  // The map reopens where it was left, which may be scrolled away from Henrik (only cards in view
  // are drawn): fit the whole map first, as a person looking for everything would, and give the
  // fit its animation.
  await toolbar(page).getByRole('button', { name: 'Fit map to screen' }).click();
  await card(page, 'Henrik Larsen').waitFor();
  await card(page, added(cycle)).waitFor({ timeout: 5000 }).catch(() => assert.fail(`${added(cycle)} is missing ${where}`));
  await card(page, imported(cycle)).waitFor({ timeout: 5000 }).catch(() => assert.fail(`${imported(cycle)} is missing ${where}`));
  if (cycle >= 1) assert.equal(await card(page, added(cycle - 1)).count(), 1, `${added(cycle - 1)} kept ${where}`);
  if (cycle >= 1) assert.equal(await card(page, imported(cycle - 1)).count(), 0, `${imported(cycle - 1)} deleted ${where}`);
  if (cycle >= 2) assert.equal(await card(page, added(cycle - 2)).count(), 0, `${added(cycle - 2)} deleted ${where}`);
  // The line drawn from the previous cycle's person; the one before went with its person. Only
  // lines on screen are drawn: fit the map first, and give the fit its animation.
  await toolbar(page).getByRole('button', { name: 'Fit map to screen' }).click();
  const wantLines = expected.lines + (cycle >= 1 ? 1 : 0);
  await page.waitForFunction((want) => document.querySelectorAll('[aria-label^="Link: "]').length === want, wantLines, { timeout: 3000 }).catch(() => {});
  assert.equal(await lines(page).count(), wantLines, `links ${where}`);
  assert.equal(await mapX(page, 'Henrik Larsen'), expected.henrikX, `Henrik nudged ${cycle + 1} times ${where}`);
  // Read from his accessible name, which holds the stance at every zoom (seen from far, a card
  // draws only its name).
  assert.match(await card(page, 'Henrik Larsen').getAttribute('aria-label'), cycle % 2 === 0 ? /champion/i : /blocker/i, `Henrik's stance ${where}`);
}

async function newPage(context, pageErrors) {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}

/** The three ways of leaving; each returns the context and page to go on with. */
const LEAVE = {
  'the browser closed and launched again on the same profile': async ({ context, page, profile, pageErrors }) => {
    await page.close();
    await context.close();
    const relaunched = await launchProfile(profile);
    return { context: relaunched, page: await newPage(relaunched, pageErrors) };
  },
  'the tab navigated to another address': async ({ context, page }) => {
    await page.goto('about:blank');
    return { context, page };
  },
  'the renderer crashed': async ({ context, page, pageErrors }) => {
    const crashed = new Promise((done) => page.once('crash', done));
    const cdp = await context.newCDPSession(page);
    cdp.send('Page.crash').catch(() => {}); // never answers: the page is gone
    await crashed;
    await page.close();
    return { context, page: await newPage(context, pageErrors) };
  },
};

for (const [way, leave] of Object.entries(LEAVE)) {
  test(`every edit is kept when ${way} right after it`, async () => {
    const began = performance.now();
    const profile = await mkdtemp(join(tmpdir(), 'powermap-durability-'));
    const pageErrors = [];
    let context = await launchProfile(profile);
    let page = await newPage(context, pageErrors);
    try {
      await page.goto(server.url);
      await page.getByRole('button', { name: 'Open Nordwind Logistics AG' }).click();
      await card(page, 'Henrik Larsen').waitFor();
      const mapUrl = page.url();
      const expected = { henrikX: await mapX(page, 'Henrik Larsen'), lines: await lines(page).count() };

      const cycles = REPEATS * DELAYS_MS.length;
      for (let cycle = 0; cycle < cycles; cycle++) {
        const { last, delay } = cyclePlan(cycle);
        const order = orderFor(last);
        for (const [index, kind] of order.entries()) {
          const finish = await EDITS[kind](page, cycle, expected);
          // The import dialog stays open over the page when it was the last edit.
          if (finish && index < order.length - 1) await finish();
        }
        if (delay) await sleep(delay);
        ({ context, page } = await leave({ context, page, profile, pageErrors }));
        await page.goto(mapUrl);
        await verify(page, cycle, expected);
      }
      assert.deepEqual(pageErrors, []);
      const seconds = (performance.now() - began) / 1000;
      console.log(`# ${way}: ${cycles} cycles, ${cycles * KINDS.length} edits, ${seconds.toFixed(1)} s`);
    } finally {
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
    }
  });
}

/**
 * Where a card is seen, against two cards that stay put: its centre's offset from the first, in
 * lengths of the distance between the two. Pan and zoom change neither, so a map reopened at
 * another view reads the same.
 */
async function seenAt(page, name, [from, to]) {
  const centre = async (who) => {
    const box = await settledBox(card(page, who));
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  const [at, origin, other] = [await centre(name), await centre(from), await centre(to)];
  const unit = Math.hypot(other.x - origin.x, other.y - origin.y);
  return { x: (at.x - origin.x) / unit, y: (at.y - origin.y) / unit };
}

// A drag is previewed and stored only at the drop (one move and the re-parenting, one gesture, one
// journal entry): the page goes the moment the mouse button is released, without waiting for
// "All changes saved", and the card must be where it was dropped, out of the department it left.
for (const way of ['the renderer crashed', 'the browser closed and launched again on the same profile']) {
  test(`a card dropped stays where it was dropped when ${way} right after the drop`, async () => {
    const profile = await mkdtemp(join(tmpdir(), 'powermap-durability-drop-'));
    const pageErrors = [];
    let context = await launchProfile(profile);
    let page = await newPage(context, pageErrors);
    const still = ['Claire Dubois', 'Sophie Martin'];
    try {
      await page.goto(server.url);
      await page.getByRole('button', { name: 'Open Nordwind Logistics AG' }).click();
      const henrik = card(page, 'Henrik Larsen');
      await henrik.waitFor();
      const mapUrl = page.url();
      const before = await seenAt(page, 'Henrik Larsen', still);

      // Held by the middle and carried down and to the right; where he shows before the button is
      // released is where the drop puts him.
      const box = await settledBox(henrik);
      const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x + 90, from.y + 140, { steps: 12 });
      const dropped = await seenAt(page, 'Henrik Larsen', still);
      assert.ok(Math.hypot(dropped.x - before.x, dropped.y - before.y) > 0.2, `the drag carried Henrik (${JSON.stringify(before)} -> ${JSON.stringify(dropped)})`);
      await page.mouse.up();
      ({ context, page } = await LEAVE[way]({ context, page, profile, pageErrors }));

      await page.goto(mapUrl);
      await toolbar(page).getByRole('button', { name: 'Fit map to screen' }).click();
      await card(page, 'Henrik Larsen').waitFor();
      const kept = await seenAt(page, 'Henrik Larsen', still);
      const off = Math.hypot(kept.x - dropped.x, kept.y - dropped.y);
      assert.ok(off < 0.01, `Henrik is where he was dropped (${JSON.stringify(dropped)}), not at ${JSON.stringify(kept)}`);
      // Dropped outside the Executive Board, he left it: the re-parenting, in the same gesture, was kept too.
      await select(page, 'Henrik Larsen');
      const department = page.getByRole('combobox', { name: 'Department' });
      assert.equal(await department.evaluate((field) => field.selectedOptions[0]?.textContent), 'No department');
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
    }
  });
}
