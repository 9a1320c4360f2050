// Presentation mode on a 1920x1080 projector: names whole and large enough for the back of the
// room, stance in colour and icon, nothing laid over the cards, the legend on L, and a walk through
// the departments and decision-makers with a caption of where the room is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { card, openSample, screenshot, settled, useApp } from './harness.mjs';

const app = useApp();
const SCREEN = { width: 1920, height: 1080 };

/**
 * Every card wholly on the canvas: its name's size on screen (font size times the canvas zoom),
 * whether the name is cut (overflowing its box, ellipsis, or outside the card), and the colours
 * of its stance bar and stance icon.
 */
const cardsInView = (page) =>
  page.evaluate(() => {
    const canvas = document.querySelector('.react-flow').getBoundingClientRect();
    return [...document.querySelectorAll('.pm-card:not(.pm-card--far)')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.left >= canvas.left && box.right <= canvas.right && box.top >= canvas.top && box.bottom <= canvas.bottom;
      })
      .map((el) => {
        const name = el.querySelector('.pm-card__name');
        const icon = el.querySelector('.pm-card__stance');
        const nameBox = name.getBoundingClientRect();
        const cardBox = el.getBoundingClientRect();
        const style = getComputedStyle(name);
        const scale = nameBox.width / name.offsetWidth;
        return {
          name: name.textContent,
          px: parseFloat(style.fontSize) * scale,
          cut:
            name.scrollWidth > name.clientWidth ||
            name.scrollHeight > name.clientHeight + 1 ||
            (style.textOverflow === 'ellipsis' && style.whiteSpace === 'nowrap') ||
            nameBox.bottom > cardBox.bottom + 0.5 ||
            nameBox.right > cardBox.right + 0.5,
          bar: getComputedStyle(el).borderLeftColor,
          iconShown: icon ? getComputedStyle(icon).display !== 'none' && icon.getBoundingClientRect().width > 20 : false,
          iconColour: icon ? getComputedStyle(icon).backgroundColor : null,
          icon: icon?.textContent ?? '',
          stance: el.querySelector('.pm-card__stance-label')?.textContent ?? '',
        };
      });
  });

/** The canvas's box and the box of one department frame, both on screen. */
const frameOnCanvas = (page, name) =>
  page.evaluate((wanted) => {
    const canvas = document.querySelector('.react-flow').getBoundingClientRect();
    // Named "Department: Finance, engaged, 4 people": the name up to the first comma.
    const node = [...document.querySelectorAll('.react-flow__node')].find((n) => n.getAttribute('aria-label')?.split(',')[0] === `Department: ${wanted}`);
    const frame = node?.getBoundingClientRect();
    const pick = (b) => ({ left: b.left, top: b.top, right: b.right, bottom: b.bottom, width: b.width, height: b.height });
    return { canvas: pick(canvas), frame: frame ? pick(frame) : null };
  }, name);

test('presentation at 1920x1080: names whole at 24 px or more, stance in colour and icon, nothing over the cards, L shows the legend', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: SCREEN });
  await openSample(page);
  const henrik = card(page, 'Henrik Larsen');
  // In the editor, hovering a card shows its quick tags; presentation keeps them out of the way.
  await henrik.hover();
  await page.getByRole('toolbar', { name: 'Quick tags for Henrik Larsen' }).waitFor();
  const editorView = await page.evaluate(() => document.querySelector('.react-flow__viewport').style.transform);

  await page.keyboard.press('p');
  await page.getByRole('toolbar', { name: 'Map toolbar' }).waitFor({ state: 'detached' });
  assert.equal(await page.getByRole('complementary', { name: 'Inspector' }).count(), 0, 'the inspector is hidden');
  await settled(page);

  const cards = await cardsInView(page);
  assert.ok(cards.length >= 3, `the first view shows a department's people (${cards.map((c) => c.name).join(', ')})`);
  for (const c of cards) {
    assert.ok(c.px >= 23.9, `${c.name}: name ${c.px.toFixed(1)} px on screen, at least 24`);
    assert.equal(c.cut, false, `${c.name}: the name is whole`);
    assert.ok(c.iconShown, `${c.name}: the stance icon shows`);
    assert.equal(c.bar, c.iconColour, `${c.name}: the bar is in the stance colour`);
  }
  assert.match(await page.getByRole('status', { name: 'Where the walk is' }).textContent(), /^Executive Board · 1 of 6$/);
  await screenshot(page, 'presentation-first-view');

  // Nothing covers the cards: no hover toolbar, no overview, no zoom buttons.
  await henrik.hover();
  await page.waitForTimeout(150);
  assert.equal(await page.getByRole('toolbar', { name: 'Quick tags for Henrik Larsen' }).isVisible(), false, 'no quick tags on hover');
  assert.equal(await page.getByRole('img', { name: /^Overview of the whole map/ }).isVisible(), false, 'no overview');
  assert.equal(await page.getByRole('button', { name: 'Zoom In' }).isVisible(), false, 'no zoom buttons');
  assert.equal(await page.getByRole('combobox', { name: 'Focus on' }).isVisible(), false, 'no focus picker');

  // L shows the legend, whole on screen, in type the room can read; L again hides it.
  await page.mouse.move(5, 600);
  await page.keyboard.press('l');
  const legend = page.getByRole('complementary', { name: 'Legend' });
  await legend.getByRole('heading', { name: 'Stance' }).waitFor();
  const legendBox = await legend.boundingBox();
  // The canvas makes room for it: the department on screen is still whole above it.
  await page.waitForTimeout(800);
  const withLegend = (await cardsInView(page)).map((c) => c.name);
  assert.deepEqual(cards.map((c) => c.name).filter((name) => !withLegend.includes(name)), [], 'every card shown before L is still whole on screen with the legend open');
  assert.ok(legendBox.x >= 0 && legendBox.y >= 0 && legendBox.x + legendBox.width <= SCREEN.width && legendBox.y + legendBox.height <= SCREEN.height, 'the legend is on screen');
  const legendText = await legend.evaluate((el) => {
    const items = [...el.querySelectorAll('li')];
    return { smallest: Math.min(...items.map((li) => parseFloat(getComputedStyle(li).fontSize))), clipped: el.scrollWidth > el.clientWidth + 1 };
  });
  assert.ok(legendText.smallest >= 18, `legend entries at ${legendText.smallest} px`);
  assert.equal(legendText.clipped, false, 'no legend entry is cut off at the side');
  // One palette: the legend's stance icons are the colours on the cards.
  const legendColours = await legend.evaluate((el) =>
    Object.fromEntries([...el.querySelectorAll('li')].filter((li) => li.querySelector('.pm-legend__stance')).map((li) => [li.textContent.slice(1), getComputedStyle(li.querySelector('.pm-legend__stance')).backgroundColor])),
  );
  for (const c of cards) assert.equal(legendColours[c.stance === 'Unknown stance' ? 'Unknown stance' : c.stance], c.iconColour, `${c.name}'s stance colour is in the legend`);
  await screenshot(page, 'presentation-legend');
  await page.keyboard.press('l');
  await legend.getByRole('heading', { name: 'Stance' }).waitFor({ state: 'detached' });
  assert.equal(await legend.isVisible(), false, 'folded, the legend leaves the screen to the map');

  // Editing still works: tag Henrik as a champion from the keyboard.
  await henrik.click({ position: { x: 110, y: 20 } });
  await page.keyboard.press('c');
  await page.waitForFunction(() => document.querySelector('[aria-label^="Stakeholder: Henrik Larsen"] .pm-card__stance-label')?.textContent === 'Champion');

  // The same key leaves, and the editor is back where it was.
  await page.keyboard.press('Escape');
  await page.keyboard.press('p');
  await page.getByRole('toolbar', { name: 'Map toolbar' }).waitFor();
  await page.getByRole('complementary', { name: 'Inspector' }).waitFor();
  await settled(page);
  assert.equal(await page.evaluate(() => document.querySelector('.react-flow__viewport').style.transform), editorView, "the editor's view is restored");
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('walk: the arrows visit the departments in reading order, each eased into the middle of the screen, with a caption; D the decision-makers', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: SCREEN });
  await openSample(page);
  await page.keyboard.press('p');
  await settled(page);
  const caption = page.getByRole('status', { name: 'Where the walk is' });
  const departments = ['Executive Board', 'Finance', 'Legal & Compliance', 'People & HR', 'IT', 'Operations'];

  for (const [index, name] of departments.entries()) {
    if (index > 0) await page.keyboard.press('ArrowRight');
    await settled(page);
    assert.equal(await caption.textContent(), `${name} · ${index + 1} of 6`);
    let { canvas, frame } = await frameOnCanvas(page, name);
    assert.ok(frame, `${name} is drawn`);
    const offAcross = frame.left + frame.width / 2 - (canvas.left + canvas.width / 2);
    assert.ok(Math.abs(offAcross) <= 4, `${name} is centred across (off by ${offAcross.toFixed(1)} px)`);
    // Shown whole and centred when it fits between the 72 px margins presentation mode keeps.
    const whole = frame.left >= canvas.left && frame.right <= canvas.right && frame.top >= canvas.top && frame.bottom <= canvas.bottom;
    if (whole && frame.height <= canvas.height - 2 * 72 + 2) {
      const offDown = frame.top + frame.height / 2 - (canvas.top + canvas.height / 2);
      assert.ok(Math.abs(offDown) <= 4, `${name} is centred (off by ${offDown.toFixed(1)} px)`);
    } else {
      // Taller than the screen at a readable size: its top first, then the next key pages down to its bottom.
      assert.ok(frame.height > canvas.height - 2 * 72, `${name} is only shown in parts when it is too tall to show whole`);
      assert.ok(frame.top >= canvas.top && frame.top < canvas.top + 100, `${name} is shown from its top`);
      for (const c of await cardsInView(page)) assert.ok(c.px >= 23.9 && !c.cut, `${name}: ${c.name} readable and whole (${c.px.toFixed(1)} px)`);
      await page.keyboard.press('ArrowRight');
      await settled(page);
      assert.equal(await caption.textContent(), `${name} · ${index + 1} of 6 · continued`);
      ({ canvas, frame } = await frameOnCanvas(page, name));
      assert.ok(frame.bottom <= canvas.bottom && frame.bottom > canvas.bottom - 100, `${name} is shown down to its bottom`);
    }
    for (const c of await cardsInView(page)) assert.ok(c.px >= 23.9 && !c.cut, `${name}: ${c.name} readable and whole (${c.px.toFixed(1)} px)`);
    if (name === 'IT') await screenshot(page, 'presentation-walk-it');
  }
  // Past the last department the walk starts again; a presenter's remote goes back with PageUp.
  await page.keyboard.press('PageDown');
  await settled(page);
  assert.equal(await caption.textContent(), 'Executive Board · 1 of 6');
  await page.keyboard.press('PageUp');
  await settled(page);
  assert.equal(await caption.textContent(), 'Operations · 6 of 6', 'back to the last department, from its top');

  // D walks the decision-makers: the one named is selected and in the middle of the screen.
  await page.keyboard.press('d');
  await settled(page);
  assert.match(await caption.textContent(), /^Henrik Larsen · decision-maker 1 of \d+$/);
  const henrik = card(page, 'Henrik Larsen');
  assert.equal(await henrik.evaluate((el) => el.classList.contains('selected')), true, 'Henrik is selected');
  const box = await henrik.boundingBox();
  assert.ok(Math.abs(box.x + box.width / 2 - SCREEN.width / 2) <= 4, 'Henrik is centred across');
  await page.keyboard.press('Shift+D');
  await settled(page);
  assert.match(await caption.textContent(), /decision-maker (\d+) of \1$/, 'Shift+D goes back round to the last one');
  assert.equal(await page.getByRole('group', { name: /^Department: / }).count() >= 6, true, 'no department was added by D');

  // The help lists the walk.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await help.getByRole('rowheader', { name: 'Next department (presenting)' }).waitFor();
  await help.getByRole('rowheader', { name: 'Next decision-maker (presenting)' }).waitFor();
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });

  // Escape peels one layer at a time: the selected decision-maker first, then presentation mode.
  const selected = page.locator('.react-flow__node.selected');
  assert.equal(await selected.count(), 1, 'the last decision-maker is selected');
  await page.keyboard.press('Escape');
  assert.equal(await selected.count(), 0, 'the first Escape clears the selection');
  assert.equal(await page.getByRole('toolbar', { name: 'Map toolbar' }).count(), 0, 'still presenting after the first Escape');
  await page.keyboard.press('Escape');
  await page.getByRole('toolbar', { name: 'Map toolbar' }).waitFor();
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('the open legend in the editor wraps its groups instead of running under the inspector', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1280, height: 800 } });
  await openSample(page);
  await page.keyboard.press('l');
  const legend = page.getByRole('complementary', { name: 'Legend' });
  await legend.getByRole('heading', { name: 'Marks' }).waitFor();
  const inspector = await page.getByRole('complementary', { name: 'Inspector' }).boundingBox();
  const groups = await legend.evaluate((el) => [...el.querySelectorAll('.pm-legend__group')].map((g) => ({ title: g.querySelector('h3').textContent, right: g.getBoundingClientRect().right })));
  for (const group of groups) assert.ok(group.right <= inspector.x, `${group.title} ends at ${group.right}, left of the inspector at ${inspector.x}`);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('walk: after D, the arrows go on from the department that holds the decision-maker on screen', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: SCREEN });
  await openSample(page);
  await page.keyboard.press('p');
  await settled(page);
  const caption = page.getByRole('status', { name: 'Where the walk is' });
  const walkToCio = async () => {
    for (let i = 0; i < 12 && !/^Σταύρος Παπαδόπουλος ·/.test((await caption.textContent()) ?? ''); i++) {
      await page.keyboard.press('d');
      await settled(page);
    }
    assert.match(await caption.textContent(), /^Σταύρος Παπαδόπουλος · decision-maker/);
  };
  await walkToCio();
  await page.keyboard.press('ArrowLeft');
  await settled(page);
  assert.equal(await caption.textContent(), 'People & HR · 4 of 6', 'back from the CIO is the department before IT');
  await walkToCio();
  await page.keyboard.press('ArrowRight');
  await settled(page);
  assert.equal(await caption.textContent(), 'Operations · 6 of 6', 'on from the CIO is the department after IT');
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('walk: the caption covers no name of a card, at any stop of either walk', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: SCREEN });
  await openSample(page);
  await page.keyboard.press('p');
  await settled(page);
  const caption = page.getByRole('status', { name: 'Where the walk is' });
  const covered = () =>
    page.evaluate(() => {
      const box = document.querySelector('.pm-walk-caption p').getBoundingClientRect();
      const canvas = document.querySelector('.react-flow').getBoundingClientRect();
      // What of a name shows: its box within the canvas, which clips what lies beyond its edges.
      return [...document.querySelectorAll('.pm-card__name')]
        .filter((name) => {
          const n = name.getBoundingClientRect();
          const r = { left: Math.max(n.left, canvas.left), right: Math.min(n.right, canvas.right), top: Math.max(n.top, canvas.top), bottom: Math.min(n.bottom, canvas.bottom) };
          if (r.left >= r.right || r.top >= r.bottom) return false;
          return r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top;
        })
        .map((name) => name.textContent);
    });
  const seen = new Set();
  for (const key of [...Array(12).fill('ArrowRight'), ...Array(8).fill('d')]) {
    await page.keyboard.press(key);
    await settled(page);
    const where = await caption.textContent();
    seen.add(where);
    assert.deepEqual(await covered(), [], `at “${where}” the caption covers a name`);
  }
  assert.ok(seen.size >= 10, `the walk went through ${seen.size} stops`);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});
