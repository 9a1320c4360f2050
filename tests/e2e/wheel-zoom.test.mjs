// Zooming out with the wheel on a 500-person map. The page holds the cards of an area around the
// view (src/canvas/node-window.ts); while the wheel turns, that area is held and the far canvas
// draws what the view shows past it, under the page's cards; once the wheel stops, the area
// follows the view and every card in view is a real card again. The far canvas gives the whole
// map back to the cards only once the wheel has stopped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { card, screenshot, settled, useApp } from './harness.mjs';
import { openGeneratedMap } from './import-tools.mjs';

const app = useApp();

/** The people whose card's top-left corner is in view, inset by `inset` screen pixels (a card's place is within its department's, and the generated departments are all top level). */
function peopleInView(page, map, inset) {
  const corners = Object.values(map.stakeholders).map((person) => {
    const department = map.departments[person.departmentId].position;
    return { id: person.id, x: department.x + person.position.x, y: department.y + person.position.y };
  });
  return page.evaluate(
    ({ corners, inset }) => {
      const [, x, y, zoom] = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(document.querySelector('.react-flow__viewport').style.transform).map(Number);
      const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
      return corners
        .filter((c) => c.x * zoom + x > inset && c.x * zoom + x < pane.width - inset && c.y * zoom + y > inset && c.y * zoom + y < pane.height - inset)
        .map((c) => c.id);
    },
    { corners, inset },
  );
}

/** Finds someone by name (Ctrl+K): the view goes to them and their card is mounted. */
async function goTo(page, map, person) {
  await page.keyboard.press('Control+k');
  // With the department's name: a generated map has namesakes (two Chloé Lindqvists in 2,000).
  await page.getByRole('combobox', { name: /Find a stakeholder/ }).fill(`${person.name} ${map.departments[person.departmentId]?.name ?? ''}`);
  await page.getByRole('option', { name: new RegExp(`^${person.name}`) }).first().waitFor();
  await page.keyboard.press('Enter');
  await card(page, person.name).first().waitFor();
  await settled(page);
}

test('a wheel zoom out shows the edge of the view at once, and real cards there once the wheel stops', { timeout: 180_000 }, async (t) => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1280, height: 800 } });
  const map = await openGeneratedMap(page, 500, 'Wheel account');
  // Go to someone: the view comes in close enough for their department's cards to be mounted.
  await goTo(page, map, Object.values(map.stakeholders)[250]);

  // Note whether the far canvas came up under the cards during the zoom, and the cards in the page the last time it was there.
  await page.evaluate(() => {
    window.__fringe = null;
    new MutationObserver(() => {
      if (document.querySelector('.pm-far-map--fringe')) window.__fringe = { mounted: [...document.querySelectorAll('.react-flow__node')].map((node) => node.dataset.id) };
    }).observe(document.querySelector('.react-flow'), { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
    // And every card put into the page and taken out of it while the wheel turns.
    window.__churn = { added: [], removed: [] };
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (node.dataset?.id) window.__churn.added.push(node.dataset.id);
        for (const node of record.removedNodes) if (node.dataset?.id) window.__churn.removed.push(node.dataset.id);
      }
    }).observe(document.querySelector('.react-flow__nodes'), { childList: true });
  });
  // Zoomed about a point at the left, the view grows to the right: from the first step out it shows
  // more than the cards mounted when the zoom began. At most 8 steps: from 1.2, still short of the
  // zoom where the far canvas takes the whole map over.
  const pane = await page.locator('.react-flow__pane').boundingBox();
  await page.mouse.move(pane.x + 40, pane.y + pane.height / 2);
  let during = null;
  for (let step = 0; step < 8 && !during; step++) {
    await page.mouse.wheel(0, 100);
    during = await page.evaluate(() => window.__fringe);
  }
  // Two steps more, for a wider edge.
  for (let step = 0; step < 2 && during; step++) await page.mouse.wheel(0, 100);
  assert.ok(during, 'while the wheel turned, the far canvas drew the edge of the view');
  // The held cards are all React Flow is given from the step the wheel begins: a card coming into
  // view is not mounted for one step and taken away the next (work for nothing on every zoom).
  const churn = await page.evaluate(() => window.__churn);
  const mountedForNothing = churn.removed.filter((id) => churn.added.includes(id));
  assert.deepEqual(mountedForNothing, [], `no card was mounted and taken away again while the wheel turned (${churn.added.length} mounted, ${churn.removed.length} taken away)`);

  // One notch more, and at once (before the wheel settles and the edge is mounted) a click on
  // someone the canvas draws at the edge selects them.
  await page.mouse.wheel(0, 100);
  const painted = await page.evaluate((people) => {
    const mounted = new Set([...document.querySelectorAll('.react-flow__node')].map((node) => node.dataset.id));
    const [, x, y, zoom] = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(document.querySelector('.react-flow__viewport').style.transform).map(Number);
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    for (const person of people) {
      // The middle of their card's top-left part (cards are at least 200 by 80).
      const at = { x: pane.left + x + (person.x + 60) * zoom, y: pane.top + y + (person.y + 30) * zoom };
      if (mounted.has(person.id) || at.x < pane.left + 20 || at.x > pane.right - 20 || at.y < pane.top + 80 || at.y > pane.bottom - 150) continue;
      if (document.elementFromPoint(at.x, at.y)?.classList.contains('react-flow__pane')) return { ...person, at, fringe: !!document.querySelector('.pm-far-map--fringe') };
    }
    return null;
  }, Object.values(map.stakeholders).map((person) => ({ id: person.id, name: person.name, x: map.departments[person.departmentId].position.x + person.position.x, y: map.departments[person.departmentId].position.y + person.position.y })));
  assert.ok(painted, 'someone is drawn by the canvas at the edge of the view');
  await page.mouse.click(painted.at.x, painted.at.y);
  const nameBox = page.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox', { name: 'Name', exact: true });
  for (const until = Date.now() + 5000; Date.now() < until && (await nameBox.inputValue().catch(() => '')) !== painted.name; ) await page.waitForTimeout(100);
  assert.equal(await nameBox.inputValue(), painted.name, `a click on ${painted.name}, drawn by the canvas, selects them`);
  if (!painted.fringe) t.diagnostic('the wheel had already settled when the click came: it reached their mounted card');
  await screenshot(page, 'wheel-zoom-edge-clicked');

  // The wheel has stopped: the canvas goes, and everyone in view is a card in the page.
  await page.locator('.pm-far-map').waitFor({ state: 'detached', timeout: 10_000 });
  await settled(page);
  during = await page.evaluate(() => window.__fringe);
  const inView = await peopleInView(page, map, 40);
  const drawnByCanvas = inView.filter((id) => !during.mounted.includes(id));
  assert.ok(drawnByCanvas.length > 0, `of ${inView.length} people in view, some had no card in the page while the canvas drew the edge`);
  const missing = await page.evaluate((ids) => ids.filter((id) => !document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`)), inView);
  assert.deepEqual(missing, [], 'every person in view has a card in the page');
  await screenshot(page, 'wheel-zoom-after');

  // The fit button in the canvas's corner fits the whole map, not only the cards mounted near the view.
  await page.locator('.react-flow__controls').getByRole('button', { name: 'Fit map to screen' }).click();
  await settled(page);
  const everyone = await peopleInView(page, map, 0);
  assert.equal(everyone.length, Object.keys(map.stakeholders).length, 'everyone is in view after fitting');
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('a quick wheel zoom out hands the map to the far canvas, and back in the cards return once the wheel stops', { timeout: 180_000 }, async (t) => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1280, height: 800 } });
  const map = await openGeneratedMap(page, 500, 'Quick wheel account');
  await goTo(page, map, Object.values(map.stakeholders)[250]);
  // The page notes when each wheel step came and when the far canvas took the map over or gave it back.
  await page.evaluate(() => {
    const canvas = document.querySelector('.pm-canvas');
    window.__log = { wheels: [], switches: [] };
    canvas.addEventListener('wheel', () => window.__log.wheels.push(performance.now()), { capture: true });
    let drawn = canvas.classList.contains('pm-canvas--far-map');
    new MutationObserver(() => {
      if (canvas.classList.contains('pm-canvas--far-map') === drawn) return;
      drawn = !drawn;
      window.__log.switches.push({ at: performance.now(), drawn });
    }).observe(canvas, { attributes: true, attributeFilter: ['class'] });
  });
  const pane = await page.locator('.react-flow__pane').boundingBox();
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  /**
   * Spins the wheel 15 notches, then waits for the far canvas to draw the map whole (`drawn`) or to
   * give it back; returns when each notch came and each switch. The notches are all sent at once, as
   * a spun wheel sends them whether or not the page has drawn the last one: awaited one by one, each
   * would wait for the page's answer, and on a slow machine come further apart than a wheel's.
   */
  const quickZoom = async (deltaY, drawn) => {
    await page.evaluate(() => (window.__log = { wheels: [], switches: [] }));
    await Promise.all(Array.from({ length: 15 }, () => page.mouse.wheel(0, deltaY)));
    await page.waitForFunction((drawn) => window.__log.switches.some((s) => s.drawn === drawn), drawn, { timeout: 10_000 });
    const { wheels, switches } = await page.evaluate(() => window.__log);
    const gaps = wheels.slice(1).map((at, i) => at - wheels[i]);
    t.diagnostic(`${wheels.length} notches, ${gaps.map(Math.round).join(', ')} ms apart`);
    return { wheels, switches };
  };
  // Out: the far canvas takes the map over on the way (the cards under it are then hidden, not painted at each notch).
  await quickZoom(100, true);
  await page.locator('.pm-far-map:not(.pm-far-map--fringe)').waitFor();
  await screenshot(page, 'wheel-zoom-far');
  // Back in: it gives the map back only once the wheel has stopped, in one go.
  // Stopped is still for 160 ms (WHEEL_SETTLE_MS in use-view-window.ts): on a slow machine two
  // notches may come that far apart, and the map may then be given back between them.
  const { wheels, switches } = await quickZoom(-100, false);
  const stillFor = switches.filter((s) => !s.drawn).map((s) => Math.round(s.at - wheels.filter((at) => at < s.at).at(-1)));
  assert.ok(stillFor.every((ms) => ms >= 150), `the far canvas gave the map back only once the wheel had stopped (${stillFor.join(', ')} ms after the notch before)`);
  await page.locator('.pm-far-map').waitFor({ state: 'detached', timeout: 10_000 });
  await settled(page);
  const inView = await peopleInView(page, map, 40);
  const missing = await page.evaluate((ids) => ids.filter((id) => !document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`)), inView);
  assert.ok(inView.length > 0);
  assert.deepEqual(missing, [], 'back in, every person in view has a card in the page');
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('the selected card’s quick tags lie over the card above it, and take the click', { timeout: 180_000 }, async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1280, height: 800 } });
  const map = await openGeneratedMap(page, 2000, 'Tags account');
  // Someone in a department's second row, found, zoomed away from with the wheel and found again:
  // the card above theirs was then mounted after theirs, and covered their quick tags.
  const person = map.stakeholders.stk_bench_1000;
  await goTo(page, map, person);
  const pane = await page.locator('.react-flow__pane').boundingBox();
  await page.mouse.move(pane.x + 30, pane.y + pane.height / 2);
  for (let step = 0; step < 6; step++) await page.mouse.wheel(0, 100);
  await page.locator('.pm-far-map').waitFor({ state: 'detached', timeout: 10_000 });
  await goTo(page, map, person);
  const theirs = page.locator(`.react-flow__node[data-id="${person.id}"]`);
  await theirs.getByRole('button', { name: `Champion: tag ${person.name}` }).click({ timeout: 5_000 });
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  assert.equal(await inspector.getByRole('radio', { name: /Champion/ }).isChecked(), true);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});
