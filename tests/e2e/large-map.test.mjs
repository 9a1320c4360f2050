// A 5,000-person map, used as a person would: find someone far from the view, select and drag
// their card, box-select, fit the whole map. The canvas hands React Flow only the cards near the
// view (src/canvas/node-window.ts) and routes only the lines there: this checks that nothing a
// person does reaches for a card React Flow does not hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allCards, card, settled, useApp } from './harness.mjs';
import { openGeneratedMap } from './import-tools.mjs';

const app = useApp();
const SIZE = 5000;

/** Someone whose name no one else on the map has, in the map's last department (far from where it opens). */
function someoneFarAway(map) {
  const people = Object.values(map.stakeholders);
  const count = new Map();
  for (const person of people) count.set(person.name, (count.get(person.name) ?? 0) + 1);
  return people.reverse().find((person) => count.get(person.name) === 1 && person.title);
}

test(`a ${SIZE.toLocaleString('en')}-person map: find someone far away, select, drag, box-select, fit`, { timeout: 600_000 }, async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1280, height: 800 } });
  const map = await openGeneratedMap(page, SIZE, 'Large account');
  // Opened fitted, the whole map is drawn on the far canvas: no card is mounted.
  await page.locator('.pm-far-map').waitFor();

  // Find the person by name: the view goes to them, their card is drawn and selected, the inspector shows them.
  const person = someoneFarAway(map);
  await page.keyboard.press('Control+k');
  // With the department's name: a generated map has namesakes.
  await page.getByRole('combobox', { name: /Find a stakeholder/ }).fill(`${person.name} ${map.departments[person.departmentId]?.name ?? ''}`);
  await page.getByRole('option', { name: new RegExp(`^${person.name}`) }).first().waitFor();
  await page.keyboard.press('Enter');
  const theirCard = card(page, person.name);
  await theirCard.waitFor({ timeout: 30_000 });
  await settled(page);
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  assert.equal(await inspector.getByRole('textbox', { name: 'Name' }).inputValue(), person.name);
  // Only the cards near the view are in the page, not 5,000.
  const mounted = await allCards(page).count();
  assert.ok(mounted > 0 && mounted < 300, `${mounted} cards in the page`);

  // Their department is listed in the inspector, and the list opens with every department.
  const department = inspector.getByRole('combobox', { name: 'Department' });
  assert.equal(await department.evaluate((select) => select.selectedOptions[0]?.textContent), map.departments[person.departmentId].name);
  await department.focus();
  assert.equal(await department.evaluate((select) => select.options.length), Object.keys(map.departments).length + 1);
  await page.keyboard.press('Escape');

  // A short pan (middle button, from empty canvas) moves the view inside the area around it: the
  // same lines stay mounted, none let go or added. Compared once routing has settled (a routed line
  // can leave the area its straight course crossed).
  const lineIds = () => page.evaluate(() => [...document.querySelectorAll('.pm-links:not(.pm-links--moving) .pm-link')].map((line) => line.getAttribute('data-link-id')).sort().join());
  let linesBefore = '';
  for (let steady = 0, tries = 0; steady < 3 && tries < 60; tries++) {
    const now = await lineIds();
    steady = now === linesBefore ? steady + 1 : 0;
    linesBefore = now;
    await page.waitForTimeout(500);
  }
  assert.ok(linesBefore.length > 0, 'lines are mounted around the view');
  const empty = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    for (let y = pane.top + 20; y < pane.bottom - 20; y += 10) {
      for (let x = pane.left + 20; x < pane.right - 220; x += 10) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane') && document.elementFromPoint(x + 200, y + 120)) return { x, y };
      }
    }
    return null;
  });
  assert.ok(empty, 'some empty canvas to pan from');
  const pan = async (from, to) => {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down({ button: 'middle' });
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up({ button: 'middle' });
    await settled(page);
  };
  const panned = { x: empty.x + 200, y: empty.y + 120 };
  await pan(empty, panned);
  assert.equal(await lineIds(), linesBefore, 'a pan inside the area mounts no line and lets none go');
  await pan(panned, empty);

  // Drag the card 150 px right: it follows the pointer (React Flow starts the drag on the first
  // step, which it does not move by), and one undo puts it back.
  const before = await theirCard.boundingBox();
  await page.mouse.move(before.x + 20, before.y + before.height / 2);
  await page.mouse.down();
  await page.mouse.move(before.x + 170, before.y + before.height / 2, { steps: 12 });
  await page.mouse.up();
  const after = await theirCard.boundingBox();
  assert.ok(after.x - before.x > 120 && after.x - before.x <= 151, `moved ${after.x - before.x} px`);
  await page.keyboard.press('Control+z');
  await settled(page);
  const undone = await theirCard.boundingBox();
  assert.ok(Math.abs(undone.x - before.x) < 3, `back by ${undone.x - before.x} px after undo`);

  // A box dragged over the cards in view selects them (the status says how many).
  const pane = page.locator('.react-flow__pane');
  const box = await pane.boundingBox();
  await page.mouse.move(box.x + 10, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6, { steps: 10 });
  await page.mouse.up();
  const selected = await page.locator('.react-flow__node.selected').count();
  assert.ok(selected >= 1, `${selected} selected by the box`);

  // Fit: the whole map again, on the far canvas. The cards of the last near view stay mounted
  // under it, so zooming back in shows them at once, but none is drawn or can be reached.
  await page.keyboard.press('Escape');
  await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name: 'Fit map to screen' }).click();
  await page.locator('.pm-far-map').waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('.react-flow__node, .pm-link, .pm-link-label')].every((element) => !element.checkVisibility()));
  assert.ok((await page.locator('.pm-link-label').count()) > 0, 'the test keeps some line labels under the canvas');
  assert.ok((await allCards(page).count()) < 300, 'no more cards kept than the last near view had');
  await assert.rejects(theirCard.click({ timeout: 1000 }), 'a card under the far canvas takes no click');

  // A click where the far canvas draws them selects them all the same, and the inspector shows them.
  const drawnAt = await page.evaluate((id) => {
    const node = document.querySelector(`.react-flow__node[data-id="${id}"]`);
    const [, x, y] = node.style.transform.match(/translate\(([-\d.]+)px, ([-\d.]+)px\)/).map(Number);
    const [, tx, ty, zoom] = document.querySelector('.react-flow__viewport').style.transform.match(/translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([-\d.]+)\)/).map(Number);
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    return { x: pane.left + tx + zoom * (x + parseFloat(node.style.width) / 2), y: pane.top + ty + zoom * (y + parseFloat(node.style.height) / 2) };
  }, person.id);
  await page.mouse.click(drawnAt.x, drawnAt.y);
  const nameBox = inspector.getByRole('textbox', { name: 'Name', exact: true });
  await nameBox.waitFor();
  assert.equal(await nameBox.inputValue(), person.name);
  // Shift+click takes them out of the selection again. The click focused the canvas, with Shift
  // held, which Chromium counts as the keyboard's focus: the canvas shows no ring around the map.
  await page.keyboard.down('Shift');
  await page.mouse.click(drawnAt.x, drawnAt.y);
  await page.keyboard.up('Shift');
  await nameBox.waitFor({ state: 'detached' });
  const ring = await page.evaluate(() => {
    const canvas = document.querySelector('.react-flow');
    const style = getComputedStyle(canvas);
    return { focused: document.activeElement === canvas, visible: canvas.matches(':focus-visible'), outline: style.outlineStyle, shadow: style.boxShadow };
  });
  assert.deepEqual(ring, { focused: true, visible: true, outline: 'none', shadow: 'none' });
  await page.mouse.click(drawnAt.x, drawnAt.y);
  await nameBox.waitFor();
  // A click on empty canvas beside the map clears the selection, as it does close up (the map,
  // fitted, reaches the screen's edges: it is moved right first, with the middle button).
  const middle = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await pan(middle, { x: middle.x + 500, y: middle.y });
  const beside = { x: box.x + 100, y: middle.y };
  assert.ok(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y).classList.contains('react-flow__pane'), beside), 'empty canvas left of the map');
  await page.mouse.click(beside.x, beside.y);
  await nameBox.waitFor({ state: 'detached' });

  assert.deepEqual(pageErrors, []);
  await page.context().close();
});
