// Canvas gestures in a real browser (React Flow does not drag in jsdom): dragging into and out of
// departments, one undo step per drag, box selection, copy/paste, keyboard help, the viewport.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allCards, card, openSample, screenshot, settled, useApp } from './harness.mjs';

const app = useApp();
const department = (page, name) => page.getByRole('group', { name: `Department: ${name}` });
const stakeholderCount = (page) => allCards(page).count();

async function centreOf(locator) {
  const box = await locator.boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A card's position on the map (flow coordinates, independent of pan and zoom). */
const mapPosition = (locator) =>
  locator.evaluate((node) => {
    const [, x, y] = node.style.transform.match(/translate\(([-\d.]+)px, ([-\d.]+)px\)/);
    return { x: Number(x), y: Number(y) };
  });

async function drag(page, from, to) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 15 });
  await page.mouse.up();
}

/** The department a card belongs to, read from React Flow's DOM nesting-independent parent data. */
async function parentDepartmentName(page, name) {
  await card(page, name).click();
  return page.getByRole('combobox', { name: 'Department' }).evaluate((select) => select.selectedOptions[0]?.textContent);
}

test('a card dragged into a department lights it up and becomes its member, one dropped on a card moves beside it, and one drag is one undo step', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1600, height: 1000 } });
  await openSample(page);
  assert.equal(await parentDepartmentName(page, 'Elena García'), 'People & HR');

  // Drag Elena from People & HR into Legal & Compliance. Held over it, Legal & Compliance lights up
  // as the department she will join, and her own does not.
  const legal = await department(page, 'Legal & Compliance').boundingBox();
  const joining = (name) => department(page, name).locator('.pm-department--joining');
  const from = await centreOf(card(page, 'Elena García'));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y, { steps: 4 });
  assert.equal(await joining('People & HR').count(), 0, 'moving within her department lights none up');
  await page.mouse.move(legal.x + legal.width / 2, legal.y + legal.height - 20, { steps: 15 });
  await joining('Legal & Compliance').waitFor();
  assert.equal(await page.locator('.pm-department--joining').count(), 1, 'only the department under her lights up');
  await page.mouse.up();
  assert.equal(await page.locator('.pm-department--joining').count(), 0, 'and none once she is dropped');
  assert.equal(await parentDepartmentName(page, 'Elena García'), 'Legal & Compliance');

  // Dropped right on Thomas Müller's card, she moves on to a clear spot beside him: both names stay whole.
  const thomas = card(page, 'Thomas Müller');
  await drag(page, await centreOf(card(page, 'Elena García')), await centreOf(thomas));
  const [elenaBox, thomasBox] = [await card(page, 'Elena García').boundingBox(), await thomas.boundingBox()];
  const apart = elenaBox.x >= thomasBox.x + thomasBox.width || thomasBox.x >= elenaBox.x + elenaBox.width || elenaBox.y >= thomasBox.y + thomasBox.height || thomasBox.y >= elenaBox.y + elenaBox.height;
  assert.ok(apart, `Elena's card clear of Thomas's (${JSON.stringify(elenaBox)} / ${JSON.stringify(thomasBox)})`);
  assert.ok(Math.hypot(elenaBox.x - thomasBox.x, elenaBox.y - thomasBox.y) < 2.5 * (thomasBox.width + thomasBox.height), 'and beside him');
  assert.equal(await parentDepartmentName(page, 'Elena García'), 'Legal & Compliance');
  await page.keyboard.press('Escape');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 200 } });
  await page.keyboard.press('Control+z');

  // One undo puts her back where she was, in her old department.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 200 } });
  await page.keyboard.press('Control+z');
  assert.equal(await parentDepartmentName(page, 'Elena García'), 'People & HR');
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('a department dragged takes its people and their lines along before the drop, and the drop is stored', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1600, height: 1000 } });
  await openSample(page);
  await settled(page);
  const henrik = card(page, 'Henrik Larsen');
  const line = page.locator('.pm-link[aria-label^="Link: "][aria-label*="Henrik Larsen"]').first();
  const pathOf = () => line.locator('path.react-flow__edge-path').getAttribute('d');
  const henrikBefore = await mapPosition(henrik);
  const pathBefore = await pathOf();

  // Hold the Executive Board by its title bar and move it, without letting go yet.
  const header = await page.getByRole('group', { name: 'Department: Executive Board' }).locator('.pm-department__header').boundingBox();
  const from = { x: header.x + 40, y: header.y + header.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 160, from.y + 90, { steps: 10 });
  const midway = await mapPosition(henrik);
  assert.ok(midway.x > henrikBefore.x + 50 && midway.y > henrikBefore.y + 25, `Henrik moves with his department (${JSON.stringify(henrikBefore)} -> ${JSON.stringify(midway)})`);
  // His line is drawn from where he is now, still during the drag (it is not in the accessibility tree meanwhile).
  const movingPaths = await page.locator('.pm-links--moving path.react-flow__edge-path').evaluateAll((paths) => paths.map((path) => path.getAttribute('d')));
  assert.ok(movingPaths.length > 0, 'the lines touching the moving people are drawn during the drag');
  assert.ok(!movingPaths.includes(pathBefore), 'and none is where it was before the drag');
  // Hidden from assistive technology meanwhile, they take no focus either (no tab stop inside aria-hidden).
  const moving = page.locator('.pm-links--moving');
  assert.equal(await moving.getAttribute('aria-hidden'), 'true');
  assert.equal(await moving.locator('[tabindex]:not([tabindex^="-"]), a[href]').count(), 0, 'nothing in the moving lines takes focus');
  await page.mouse.up();

  // Dropped: the line is back among the others, drawn from Henrik's new place, and it all survives a reload.
  const dropped = await mapPosition(henrik);
  assert.notEqual(await pathOf(), pathBefore);
  assert.equal(await line.getAttribute('tabindex'), '0', 'and takes focus again');
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  await page.reload();
  await card(page, 'Henrik Larsen').waitFor();
  assert.deepEqual(await mapPosition(card(page, 'Henrik Larsen')), dropped);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('box-select, shift-click five cards, drag them together, undo once; copy, paste and delete', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1600, height: 1000 } });
  await openSample(page);

  // A box dragged on empty canvas selects what it touches.
  const pane = await page.locator('.react-flow__pane').boundingBox();
  // From the canvas's empty corner past the Executive Board's far corner, once the view has stopped
  // easing into place: the box holds the department and its four people.
  await settled(page);
  const board = await department(page, 'Executive Board').boundingBox();
  await drag(page, { x: pane.x + 8, y: pane.y + 8 }, { x: board.x + board.width + 6, y: board.y + board.height + 6 });
  await page.getByRole('heading', { name: /^\d+ selected$/ }).waitFor();
  await page.keyboard.press('Escape');

  const before = await Promise.all(
    ['Joost Bakker', 'Femke Jansen', 'Jonas Weber', 'Mia Schulz', 'Kai Andersen'].map((name) => mapPosition(card(page, name))),
  );

  // Shift-click five cards.
  await card(page, 'Joost Bakker').click();
  for (const name of ['Femke Jansen', 'Jonas Weber', 'Mia Schulz', 'Kai Andersen']) {
    await card(page, name).click({ modifiers: ['Shift'] });
  }
  await page.getByRole('heading', { name: '5 selected' }).waitFor();
  // With the pointer off the cards, none of the five puts its quick tags over its neighbours.
  await page.mouse.move(pane.x + 4, pane.y + pane.height - 4);
  assert.equal(await page.getByRole('toolbar', { name: /^Quick tags for / }).filter({ visible: true }).count(), 0, 'no quick tags over a multiple selection');

  // Drag them together by one of them.
  const start = await centreOf(card(page, 'Mia Schulz'));
  await drag(page, start, { x: start.x + 60, y: start.y + 40 });
  const moved = await mapPosition(card(page, 'Joost Bakker'));
  assert.ok(Math.abs(moved.x - before[0].x) > 20, 'the selection moved');

  // A single undo restores all five.
  await page.keyboard.press('Control+z');
  const restored = await Promise.all(
    ['Joost Bakker', 'Femke Jansen', 'Jonas Weber', 'Mia Schulz', 'Kai Andersen'].map((name) => mapPosition(card(page, name))),
  );
  restored.forEach((box, i) => {
    assert.ok(Math.abs(box.x - before[i].x) < 1 && Math.abs(box.y - before[i].y) < 1, 'all five cards are back after one undo');
  });

  // Copy and paste the selection: five new cards, selected.
  const count = await stakeholderCount(page);
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await page.getByRole('heading', { name: '5 selected' }).waitFor();
  assert.equal(await stakeholderCount(page), count + 5);
  // Delete them again.
  await page.keyboard.press('Delete');
  assert.equal(await stakeholderCount(page), count);

  // Select all, then Escape clears the selection.
  await page.keyboard.press('Control+a');
  await page.getByRole('heading', { name: /\d+ selected/ }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { name: 'Nordwind Logistics AG', level: 2 }).waitFor();
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('keyboard: add, nudge, the help overlay lists every shortcut, double-click adds a card', async () => {
  const { page } = await app.openApp();
  await openSample(page);
  const count = await stakeholderCount(page);

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await help.waitFor();
  for (const label of ['Add stakeholder', 'Undo', 'Redo', 'Delete selection', 'Duplicate', 'Tag as champion']) {
    await help.getByRole('rowheader', { name: label }).waitFor();
  }
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });

  await page.keyboard.press('n');
  const name = page.getByRole('textbox', { name: 'Name of New stakeholder' });
  await name.fill('Nadia Petrova');
  await name.press('Enter');
  await card(page, 'Nadia Petrova').waitFor();
  assert.equal(await stakeholderCount(page), count + 1);
  const before = await mapPosition(card(page, 'Nadia Petrova'));
  await page.keyboard.press('Alt+ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  const after = await mapPosition(card(page, 'Nadia Petrova'));
  assert.ok(after.x > before.x && after.y > before.y, 'Alt+arrow and Shift+arrow nudge the selection');

  // Double-click on empty canvas adds a card there and opens its name.
  await page.locator('.react-flow__pane').dblclick({ position: { x: 30, y: 300 } });
  await page.getByRole('textbox', { name: 'Name of New stakeholder' }).press('Escape');
  assert.equal(await stakeholderCount(page), count + 2);
  await page.context().close();
});

test('a selected department resizes from its corner, as one undo step', async () => {
  const { page } = await app.openApp({ viewport: { width: 1600, height: 1000 } });
  await openSample(page);
  const legal = department(page, 'Legal & Compliance');
  await legal.click({ position: { x: 40, y: 12 } });
  const before = await legal.boundingBox();
  // React Flow's resize grip has no role; it is the bottom-right corner control of the selected frame.
  const grip = await legal.locator('.react-flow__resize-control.bottom.right').boundingBox();
  await drag(page, { x: grip.x + grip.width / 2, y: grip.y + grip.height / 2 }, { x: grip.x + 120, y: grip.y + 80 });
  const after = await legal.boundingBox();
  assert.ok(after.width > before.width + 50 && after.height > before.height + 30, 'the department grew');
  await page.keyboard.press('Control+z');
  const undone = await legal.boundingBox();
  assert.ok(Math.abs(undone.width - before.width) < 1 && Math.abs(undone.height - before.height) < 1, 'one undo restores its size');
  await page.context().close();
});

test('the viewport of a map is remembered', async () => {
  const { page } = await app.openApp();
  await openSample(page);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.waitForTimeout(900);
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => el.style.transform);
  await page.reload();
  // Zoomed in, only the cards on screen are mounted: wait for any of them.
  await allCards(page).first().waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.react-flow__viewport').evaluate((el) => el.style.transform), transform);
  await page.context().close();
});

test('while the view is panned, the cards it passes ignore the pointer, and take it again after', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1600, height: 1000 } });
  await openSample(page);
  await settled(page);
  const henrik = card(page, 'Henrik Larsen');
  const box = await henrik.boundingBox();
  // Just left of the card: the view follows the pointer a frame late, so each step of a pan to
  // the right puts the pointer over the card's edge for a moment.
  const start = { x: box.x - 3, y: box.y + box.height / 2 };
  await page.evaluate(() => {
    window.__nodesEntered = 0;
    // Only while the button is held: once it is up, the card under the pointer takes it again,
    // and the browser may send that pointerover a frame after the release.
    document.addEventListener('pointerover', (event) => {
      if (event.buttons !== 0 && event.target.closest?.('.react-flow__node')) window.__nodesEntered++;
    }, true);
  });
  await page.mouse.move(start.x, start.y);
  await page.evaluate(() => (window.__nodesEntered = 0));
  await page.mouse.down({ button: 'middle' });
  await page.mouse.move(start.x + 120, start.y, { steps: 24 });
  await page.mouse.up({ button: 'middle' });
  assert.equal(await page.evaluate(() => window.__nodesEntered), 0, 'no card or department took the pointer during the pan');
  const moved = await henrik.boundingBox();
  assert.ok(Math.abs(moved.x - box.x - 120) < 4, `the pan moved the view (${box.x} → ${moved.x})`);

  // After the pan, the card under the pointer shows its quick tags again.
  await page.mouse.move(moved.x + moved.width / 2, moved.y + moved.height / 2);
  await assert.doesNotReject(henrik.locator('.pm-quick-tags').waitFor({ state: 'visible', timeout: 2000 }));
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('the right button pans from a card or a department frame, as from empty canvas', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1600, height: 1000 } });
  await openSample(page);
  await settled(page);
  const henrik = card(page, 'Henrik Larsen');
  const onMap = await mapPosition(henrik);
  const rightDrag = async (from, dx) => {
    const before = await henrik.boundingBox();
    await page.mouse.move(from.x, from.y);
    await page.mouse.down({ button: 'right' });
    await page.mouse.move(from.x + dx, from.y, { steps: 12 });
    await page.mouse.up({ button: 'right' });
    const after = await henrik.boundingBox();
    return after.x - before.x;
  };
  // React Flow pans from a node with the middle button only: the right did nothing over a department.
  const frame = await department(page, 'Executive Board').boundingBox();
  const fromFrame = await rightDrag({ x: frame.x + 6, y: frame.y + frame.height / 2 }, 100);
  assert.ok(Math.abs(fromFrame - 100) < 4, `a right drag from a department frame pans the view (${fromFrame} px)`);
  const fromCard = await rightDrag(await centreOf(henrik), -80);
  assert.ok(Math.abs(fromCard + 80) < 4, `a right drag from a card pans the view (${fromCard} px)`);
  assert.deepEqual(await mapPosition(henrik), onMap, 'the card itself did not move on the map');
  // The card still drags with the left button, and pans again with the right one after that.
  const grab = await centreOf(henrik);
  await drag(page, grab, { x: grab.x + 40, y: grab.y });
  assert.notDeepEqual(await mapPosition(henrik), onMap, 'the left button still drags the card');
  assert.ok(Math.abs((await rightDrag(await centreOf(henrik), 60)) - 60) < 4, 'and the right button pans from it again');
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

/** The canvas's zoom, read from React Flow's viewport. */
const zoomOf = (page) => page.evaluate(() => Number(/scale\(([-\d.e]+)\)/.exec(document.querySelector('.react-flow__viewport').style.transform)[1]));

/** What the department labels' canvas shows: [name, x, y, width, height] on screen per label, or []. */
async function labelsShown(page) {
  const canvas = page.locator('canvas.pm-department-labels');
  const shown = JSON.parse((await canvas.getAttribute('data-labels')) ?? '[]');
  if (shown.length === 0) return [];
  const at = await canvas.boundingBox();
  return shown.map(([name, x, y, width, height]) => ({ name, x: at.x + x, y: at.y + y, width, height }));
}

const covers = (box, c) => c.x < box.x + box.width - 1 && box.x < c.x + c.width - 1 && c.y < box.y + box.height - 1 && box.y < c.y + c.height - 1;

test('the whole map on a laptop screen: each department’s name in a label that covers no card, badge or line label, in place of its small header', async () => {
  // At 1280 × 800 the sample opens fitted at about 36%, where a frame's own name is 6 px high.
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1280, height: 800 } });
  await openSample(page);
  const zoom = await zoomOf(page);
  assert.ok(zoom > 0.35 && zoom < 0.65, `the sample opens fitted, cards close up (${zoom})`);
  await page.waitForFunction(() => document.querySelector('canvas.pm-department-labels')?.dataset.labels);
  await page.waitForTimeout(300);
  const shown = await labelsShown(page);
  const names = shown.map((label) => label.name);
  const frames = await page.locator('.react-flow__node-department').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label').replace(/^Department: /, '').replace(/, .*$/, '')));
  for (const name of ['Executive Board', 'Finance', 'IT', 'Operations', 'Hub Network', 'Infrastructure & Cloud']) assert.ok(names.includes(name), `"${name}" is labelled whole (${names.join(', ')})`);
  assert.ok(names.length >= frames.length - 2, `${names.length} of ${frames.length} departments are labelled`);
  // A labelled frame's own name and badge make way; the others keep theirs.
  for (const name of frames) {
    const frame = department(page, name);
    const labelled = names.includes(name);
    assert.equal(await frame.locator('.pm-department__name').isVisible(), !labelled, `${name}: its own name is ${labelled ? 'hidden' : 'shown'}`);
    assert.equal(await frame.locator('.pm-department__badge').isVisible(), !labelled, `${name}: its badge is ${labelled ? 'hidden' : 'shown'}`);
  }
  // No label covers a card, a badge still shown, or a line's label.
  const obstacles = await page.evaluate(() =>
    [...document.querySelectorAll('.react-flow__node-stakeholder, .pm-department__badge, .pm-link-label')]
      .filter((element) => getComputedStyle(element).visibility !== 'hidden')
      .map((element) => ({ what: element.textContent.trim().slice(0, 40), ...element.getBoundingClientRect().toJSON() })),
  );
  assert.ok(obstacles.length > 30);
  for (const label of shown) {
    const under = obstacles.filter((box) => covers(label, box));
    assert.deepEqual(under.map((box) => box.what), [], `the label "${label.name}" covers nothing`);
  }
  await screenshot(page, 'department-labels-laptop');
  // Renaming a department: its label makes way for the name field in its header.
  await department(page, 'Finance').locator('.pm-department__header').dblclick();
  const field = page.getByRole('textbox', { name: 'Name of Finance' });
  await field.waitFor();
  await page.waitForFunction(() => !JSON.parse(document.querySelector('canvas.pm-department-labels').dataset.labels ?? '[]').some(([name]) => name === 'Finance'));
  const fieldBox = await field.boundingBox();
  for (const label of await labelsShown(page)) assert.ok(!covers(label, fieldBox), `the label "${label.name}" leaves the name field free`);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => JSON.parse(document.querySelector('canvas.pm-department-labels').dataset.labels ?? '[]').some(([name]) => name === 'Finance'));
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('zoomed far out, each department shows its whole name in a label that covers no card, and zoomed in its own header again', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1600, height: 1000 } });
  await openSample(page);
  const labels = page.locator('canvas.pm-department-labels');
  const frameName = department(page, 'Executive Board').locator('.pm-department__name');
  while ((await zoomOf(page)) < 0.65) {
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForTimeout(250);
  }
  assert.ok(await frameName.isVisible(), 'close up, the frame shows its own name');
  assert.equal(await labels.isVisible(), false, 'close up, no labels are drawn');
  while ((await zoomOf(page)) > 0.3) {
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.waitForTimeout(250);
  }
  await page.waitForFunction(() => document.querySelector('canvas.pm-department-labels')?.dataset.labels);
  await page.waitForTimeout(300);
  const shown = JSON.parse(await labels.getAttribute('data-labels'));
  const names = shown.map(([name]) => name);
  for (const name of ['Executive Board', 'Finance', 'IT', 'Operations']) assert.ok(names.includes(name), `"${name}" is labelled whole (${names.join(', ')})`);
  assert.equal(await frameName.isVisible(), false, "the frame's own name, a few pixels high, makes way for the label");
  const canvasBox = await labels.boundingBox();
  const cards = await allCards(page).evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().toJSON()));
  assert.ok(cards.length >= 20, 'the cards are on screen');
  for (const [name, x, y, width, height] of shown) {
    const box = { x: canvasBox.x + x, y: canvasBox.y + y, width, height };
    const covered = cards.filter((c) => c.x < box.x + box.width - 1 && box.x < c.x + c.width - 1 && c.y < box.y + box.height - 1 && box.y < c.y + c.height - 1);
    assert.equal(covered.length, 0, `the label "${name}" covers no card`);
  }
  await screenshot(page, 'department-labels');

  // A click on a label's upper half, above its frame's edge, selects the department it names.
  const [, lx, ly, lw] = shown.find(([name]) => name === 'Finance');
  await page.mouse.click(canvasBox.x + lx + lw / 2, canvasBox.y + ly + 3);
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByRole('heading', { name: /Finance/ }).waitFor();
  assert.equal(await inspector.getByRole('textbox', { name: 'Name', exact: true }).inputValue(), 'Finance');
  await page.keyboard.press('Escape');

  // A department dragged from far takes its label along during the drag, not only at the drop.
  const labelOf = async (name) => JSON.parse(await labels.getAttribute('data-labels')).find(([text]) => text === name);
  const before = await labelOf('Operations');
  const frame = await department(page, 'Operations').boundingBox();
  await page.mouse.move(frame.x + frame.width / 2, frame.y + 5);
  await page.mouse.down();
  await page.mouse.move(frame.x + frame.width / 2 + 150, frame.y + 5, { steps: 12 });
  await page.waitForTimeout(250);
  const during = await labelOf('Operations');
  const moved = (await department(page, 'Operations').boundingBox()).x - frame.x;
  await page.mouse.up();
  assert.ok(moved > 100, `the department was dragged (${moved} px)`);
  assert.ok(during && Math.abs(during[1] - before[1] - moved) < 3, `the label moved with its department while dragged (${before?.[1]} → ${during?.[1]}, the frame ${moved} px)`);
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(300);

  while ((await zoomOf(page)) < 0.65) {
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForTimeout(250);
  }
  await page.waitForTimeout(400);
  assert.equal(await labels.isVisible(), false, 'zoomed in again, the labels are gone');
  assert.ok(await frameName.isVisible(), 'and the frame shows its own name');
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('zoomed far out, cards show just their names and every line stays drawn', async () => {
  const { page, pageErrors } = await app.openApp();
  await openSample(page);
  const lines = page.locator('[aria-label^="Link: "] path.react-flow__edge-path');
  const drawn = await lines.count();
  assert.ok(drawn >= 20, `the sample's lines are drawn (${drawn})`);
  assert.equal(await card(page, 'Henrik Larsen').locator('.pm-card__title').count(), 1, 'close up, the card shows the title');
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.waitForTimeout(400);
  const henrik = card(page, 'Henrik Larsen');
  await henrik.waitFor();
  assert.equal(await henrik.locator('.pm-card__title').count(), 0, 'the title is left out when it cannot be read');
  assert.ok(await henrik.getByText('Henrik Larsen').isVisible());
  assert.equal(await lines.count(), drawn, 'no line disappears with the light cards');
  await screenshot(page, 'far-zoom');
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('Tidy up lays the map out as an org chart, and one undo puts every card back', async () => {
  const { page, pageErrors } = await app.openApp();
  await openSample(page);
  const positions = () =>
    page.locator('.react-flow__node').evaluateAll((nodes) => Object.fromEntries(nodes.map((n) => [n.getAttribute('data-id'), n.style.transform])));
  const before = await positions();
  await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name: 'Tidy up' }).click();
  await page.waitForFunction((old) => [...document.querySelectorAll('.react-flow__node')].some((n) => n.style.transform !== old[n.getAttribute('data-id')]), before);
  const tidied = await positions();
  const moved = Object.keys(before).filter((id) => tidied[id] !== undefined && tidied[id] !== before[id]);
  assert.ok(moved.length >= 5, `Tidy up moved ${moved.length} cards and departments`);
  await page.waitForTimeout(400);
  await screenshot(page, 'tidy-up');
  await page.keyboard.press('Control+z');
  await page.waitForFunction((old) => [...document.querySelectorAll('.react-flow__node')].every((n) => !(n.getAttribute('data-id') in old) || n.style.transform === old[n.getAttribute('data-id')]), before);
  assert.deepEqual(await positions(), before);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

/** A point on a line's stroke where a person would click it (lines take the pointer only there). */
async function pointOnLine(page, name) {
  const path = page.getByRole('group', { name }).locator('path.react-flow__edge-path');
  // Lines are routed around the cards a moment after the map is still: aim once the line has settled.
  let d = await path.getAttribute('d');
  for (let tries = 0; tries < 30; tries++) {
    await page.waitForTimeout(150);
    const next = await path.getAttribute('d');
    if (next === d) break;
    d = next;
  }
  // Somewhere only this line runs (routed lines can share a stretch), as a person would click it.
  return path.evaluate((p) => {
    const group = p.closest('.pm-link');
    const m = p.getScreenCTM();
    for (const share of [1 / 3, 1 / 2, 2 / 3, 1 / 4, 3 / 4, 0.1, 0.9, 0.05, 0.95]) {
      const at = p.getPointAtLength(p.getTotalLength() * share);
      const screen = { x: at.x * m.a + at.y * m.c + m.e, y: at.x * m.b + at.y * m.d + m.f };
      if (document.elementFromPoint(screen.x, screen.y)?.closest('.pm-link') === group) return screen;
    }
    // A short line between close cards: its label is where a person clicks it.
    // The name is "Link: kind, label. Who does what to whom": the label ends the part before the sentence.
    const label = [...document.querySelectorAll('.pm-link-label')].find((el) => group.getAttribute('aria-label').split('. ')[0].endsWith(`, ${el.textContent}`));
    if (!label) throw new Error('no point of the line takes the pointer');
    const box = label.getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  });
}

async function clickLine(page, name, modifiers = []) {
  const point = await pointOnLine(page, name);
  for (const key of modifiers) await page.keyboard.down(key);
  await page.mouse.click(point.x, point.y);
  for (const key of modifiers) await page.keyboard.up(key);
}

test('lines: click one to select it, Shift-click a second, delete both, undo; Enter selects a focused line', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1600, height: 900 } });
  await openSample(page);
  const budget = /^Link: influences, builds the budget case/;
  const diary = /^Link: influences, controls the diary/;
  const inspector = page.getByRole('complementary', { name: 'Inspector' });

  await clickLine(page, budget);
  await inspector.getByRole('heading', { name: /Σταύρος Παπαδόπουλος influences Claire Dubois/ }).waitFor();
  assert.equal(await inspector.getByRole('textbox', { name: 'Label' }).inputValue(), 'builds the budget case');
  assert.equal(await page.locator('.pm-link--selected').count(), 1);

  // A pan with the middle button may start on a line, as on empty canvas: the view moves and the
  // selection stays as it was.
  const viewport = page.locator('.react-flow__viewport');
  const before = await viewport.evaluate((el) => el.style.transform);
  const from = await pointOnLine(page, diary);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down({ button: 'middle' });
  await page.mouse.move(from.x + 120, from.y + 60, { steps: 8 });
  await page.mouse.up({ button: 'middle' });
  assert.notEqual(await viewport.evaluate((el) => el.style.transform), before, 'the view moved');
  assert.equal(await page.locator('.pm-link--selected').count(), 1, 'the pan selected nothing else');

  await clickLine(page, diary, ['Shift']);
  await inspector.getByRole('heading', { name: '2 selected' }).waitFor();
  await page.keyboard.press('Delete');
  await page.getByRole('group', { name: budget }).waitFor({ state: 'detached' });
  assert.equal(await page.getByRole('group', { name: diary }).count(), 0, 'both lines are gone');
  await page.keyboard.press('Control+z');
  await page.getByRole('group', { name: budget }).waitFor();
  await page.getByRole('group', { name: diary }).waitFor({ state: 'attached' }); // a vertical line: no width, so not "visible"

  // From the keyboard: a line takes focus, and Enter selects it.
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 300 } });
  assert.equal(await page.locator('.pm-link--selected').count(), 0, 'a click on empty canvas clears the selection');
  await page.getByRole('group', { name: diary }).focus();
  await page.keyboard.press('Enter');
  await inspector.getByRole('textbox', { name: 'Label' }).waitFor();
  assert.equal(await inspector.getByRole('textbox', { name: 'Label' }).inputValue(), 'controls the diary');
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});
