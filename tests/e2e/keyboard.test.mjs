// Every action by keyboard, as someone who uses no mouse (or a screen reader) works: the first
// card two keys away, focus that selects, a key per stance, links by keyboard, arrows between
// cards, Escape and Delete from the side panel, and what a screen reader is told.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { card, openSample, useApp } from './harness.mjs';

const app = useApp();

/** What has keyboard focus: its aria-label, else its text. */
const focused = (page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return element?.getAttribute('aria-label') || element?.textContent?.trim() || '';
  });

/** Waits until focus is on something whose name matches. */
async function focusIs(page, pattern) {
  for (let i = 0; i < 40; i++) {
    if (pattern.test(await focused(page))) return;
    await page.waitForTimeout(50);
  }
  assert.match(await focused(page), pattern);
}

const inspector = (page) => page.getByRole('complementary', { name: 'Inspector' });
const inspectorName = (page) => inspector(page).getByRole('textbox', { name: 'Name', exact: true });
const announced = (page) => page.getByTestId('announcer');
/** Waits until the live region says `text` (it is out of sight, so by its text, not visibility). */
const hears = (page, text) => page.waitForFunction((want) => document.querySelector('[data-testid="announcer"]')?.textContent === want, text);
const box = (locator) => locator.boundingBox();

/** Opens the sample and goes to its first card the keyboard way: Tab to "Skip to map", Enter. */
async function openOnFirstCard() {
  const opened = await app.openApp();
  await openSample(opened.page);
  await opened.page.keyboard.press('Tab');
  await opened.page.keyboard.press('Enter');
  await focusIs(opened.page, /^Stakeholder: Henrik Larsen/);
  return opened;
}

test('the first card is two keys away; focus selects; arrows move between cards; a key per stance', async () => {
  const { page, pageErrors } = await app.openApp();
  await openSample(page);

  await page.keyboard.press('Tab');
  await focusIs(page, /^Skip to map$/);
  await page.keyboard.press('Enter');
  // The first card in reading order: the CEO at the top of the chart, selected and in the inspector.
  await focusIs(page, /^Stakeholder: Henrik Larsen, CEO, neutral, decision-maker, 5 links$/);
  assert.equal(await inspectorName(page).inputValue(), 'Henrik Larsen');
  // A ring shows where the keyboard is: on the card, and on a line when Tab reaches one.
  const ring = () => page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(await ring(), 'solid');

  // Arrows: the nearest card that way. Down from the CEO lands on someone below him.
  const henrik = await box(card(page, 'Henrik Larsen'));
  await page.keyboard.press('ArrowDown');
  await focusIs(page, /^Stakeholder: (?!Henrik)/);
  const below = (await focused(page)).match(/^Stakeholder: ([^,]+)/)[1];
  assert.ok((await box(card(page, below))).y > henrik.y + henrik.height / 2, `${below} is below Henrik`);
  assert.equal(await inspectorName(page).inputValue(), below, 'focus selects: the inspector follows');
  await page.keyboard.press('ArrowUp');
  await focusIs(page, /^Stakeholder: Henrik Larsen/);
  // Alt+arrow nudges instead; the selection stays.
  await page.keyboard.press('Alt+ArrowRight');
  await page.waitForFunction((x) => {
    const node = [...document.querySelectorAll('.react-flow__node')].find((n) => n.getAttribute('aria-label')?.startsWith('Stakeholder: Henrik'));
    return node && node.getBoundingClientRect().x > x;
  }, henrik.x);
  await focusIs(page, /^Stakeholder: Henrik Larsen/);

  // One key per stance, listed with the keys in the ? overlay.
  for (const [key, stance] of [['2', 'supporter'], ['3', 'neutral'], ['4', 'skeptic'], ['5', 'blocker'], ['0', 'stance unknown'], ['1', 'champion'], ['b', 'blocker'], ['c', 'champion']]) {
    await page.keyboard.press(key);
    await focusIs(page, new RegExp(`^Stakeholder: Henrik Larsen, CEO, ${stance},`));
  }
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  for (const [label, keys] of [['Tag as supporter', '2'], ['Tag as neutral', '3'], ['Tag as skeptic', '4'], ['Tag as champion', 'C or 1'], ['Tag as blocker', 'B or 5'], ['Stance not known', '0'], ['Link the selected card to…', 'K'], ['Select the card to the left', '←']]) {
    const row = help.getByRole('row', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
    assert.equal((await row.getByRole('cell').textContent()).trim(), keys, `${label}: ${keys}`);
  }
  await help.getByText('Anna > Boris').first().waitFor();
  await page.keyboard.press('Escape');
  await focusIs(page, /^Stakeholder: Henrik Larsen/);
  await page.locator('.pm-link').first().focus();
  await focusIs(page, /^Link: /);
  assert.equal(await ring(), 'solid');
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('Escape and Enter from the side panel go back to the card; Delete from the panel focuses a neighbour', async () => {
  const { page, pageErrors } = await openOnFirstCard();

  // Enter in a panel field: the edit is kept and the keyboard is back on the card.
  const title = inspector(page).getByRole('textbox', { name: 'Title' });
  await title.focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' (Group)');
  await page.keyboard.press('Enter');
  await focusIs(page, /^Stakeholder: Henrik Larsen, CEO \(Group\),/);

  // Escape in a side-panel radio group (the stance): back on the card, nothing selected.
  await inspector(page).getByRole('radio', { name: /Neutral/ }).focus();
  await page.keyboard.press('Escape');
  await focusIs(page, /^Stakeholder: Henrik Larsen/);
  await inspector(page).getByRole('textbox', { name: 'Map name' }).waitFor();
  assert.equal(await page.locator('.react-flow__node.selected').count(), 0);

  // Escape from a text field clears too.
  await page.keyboard.press('ArrowDown');
  await focusIs(page, /^Stakeholder: (?!Henrik)/);
  await inspectorName(page).focus();
  await page.keyboard.press('Escape');
  await inspector(page).getByRole('textbox', { name: 'Map name' }).waitFor();

  // Delete with focus in the panel (not in a text field): the card goes, focus goes to a neighbour.
  await page.keyboard.press('ArrowDown');
  await focusIs(page, /^Stakeholder: /);
  const doomed = (await focused(page)).match(/^Stakeholder: ([^,]+)/)[1];
  await inspector(page).getByRole('radio', { name: /Skeptic/ }).focus();
  await page.keyboard.press('Delete');
  await card(page, doomed).waitFor({ state: 'detached' });
  await focusIs(page, /^Stakeholder: /);
  const neighbour = (await focused(page)).match(/^Stakeholder: ([^,]+)/)[1];
  assert.notEqual(neighbour, doomed);
  assert.equal(await inspectorName(page).inputValue(), neighbour);
  // A screen reader hears it; then the save.
  assert.equal(await announced(page).textContent(), `Deleted ${doomed}`);
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('links by keyboard: K with the arrow keys or a name, Escape cancels; Ctrl+K takes "A > B"', async () => {
  const { page, pageErrors } = await openOnFirstCard();
  const links = () => page.locator('[aria-label^="Link: "]').count();
  const before = await links();

  await page.keyboard.press('k');
  const picker = page.getByRole('dialog', { name: 'Link Henrik Larsen to…' });
  await picker.waitFor();
  await page.keyboard.press('Escape');
  await picker.waitFor({ state: 'detached' });
  await focusIs(page, /^Stakeholder: Henrik Larsen/);
  assert.equal(await links(), before, 'Escape made no link');

  // The nearest people come first: the arrow picks the second nearest.
  await page.keyboard.press('k');
  await picker.waitFor();
  const second = (await picker.getByRole('option').nth(1).locator('strong').textContent()).trim();
  await page.keyboard.press('ArrowDown');
  assert.equal(await picker.getByRole('option', { selected: true }).locator('strong').textContent(), second);
  await page.keyboard.press('Enter');
  await page.getByLabel(`Link: influences. Henrik Larsen influences ${second}`).waitFor({ state: 'attached' });
  await focusIs(page, /^Stakeholder: Henrik Larsen/);

  // By name, with another kind.
  await page.keyboard.press('k');
  await picker.waitFor();
  await page.keyboard.type('zofia');
  await page.keyboard.press('Tab');
  await page.keyboard.press('c'); // the kind list jumps to Conflict
  await page.keyboard.press('Enter');
  await hears(page, 'Linked: Henrik Larsen and Zofia Wróbel are in conflict');

  // Quick entry: a line with ">" links two people already on the map.
  await page.keyboard.press('Control+k');
  const box = page.getByRole('combobox', { name: /Find a stakeholder/ });
  await box.fill('Sophie > Claire #ally');
  await page.getByRole('option', { name: /^Link: Sophie Martin and Claire .+ are allies$/ }).waitFor();
  await page.keyboard.press('Enter');
  await page.getByLabel(/^Link: ally\. Sophie Martin and Claire .+ are allies$/).waitFor({ state: 'attached' });
  await box.fill('Nobody > Claire');
  await page.getByRole('dialog', { name: 'Find or add' }).getByText('No one called “Nobody” on this map.').waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await links(), before + 3);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('a person found with Ctrl+K takes the selection and focus from the card clicked before', async () => {
  const { page, pageErrors } = await app.openApp();
  await openSample(page);
  await card(page, 'Henrik Larsen').click({ position: { x: 60, y: 30 } });
  assert.equal(await inspectorName(page).inputValue(), 'Henrik Larsen');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: /Find a stakeholder/ }).fill('Pieter');
  await page.getByRole('option', { name: /Pieter de Vries/ }).waitFor();
  await page.keyboard.press('Enter');
  // The box closing gave focus back to Henrik's card, and focus selects: the inspector showed him
  // and the next key changed him, off screen, while the view showed Pieter.
  await focusIs(page, /^Stakeholder: Pieter de Vries/);
  assert.equal(await inspectorName(page).inputValue(), 'Pieter de Vries');
  await page.keyboard.press('4');
  await focusIs(page, /^Stakeholder: Pieter de Vries, COO, skeptic,/);
  // Henrik, found the same way, kept his stance.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: /Find a stakeholder/ }).fill('Henrik');
  await page.getByRole('option', { name: /Henrik Larsen/ }).waitFor();
  await page.keyboard.press('Enter');
  await focusIs(page, /^Stakeholder: Henrik Larsen, CEO, neutral,/);
  assert.equal(await inspectorName(page).inputValue(), 'Henrik Larsen');
  assert.equal(await inspector(page).getByRole('radio', { name: 'Neutral' }).isChecked(), true);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('Insights and the inspector side by side; the placeholder button is not a question mark', async () => {
  const { page, pageErrors } = await app.openApp();
  await openSample(page);
  await page.keyboard.press('i');
  const insights = page.getByRole('complementary', { name: 'Insights' });
  await insights.waitFor();
  await card(page, 'Zofia Wróbel').click({ position: { x: 60, y: 30 } });
  // The card clicked while Insights is open can be edited at once, Insights still open.
  await inspectorName(page).fill('Zofia Wróbel-Nowak');
  await card(page, 'Zofia Wróbel-Nowak').waitFor();
  assert.ok(await insights.isVisible());
  const icon = await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name: 'Add placeholder seat' }).locator('.pm-toolbar__icon').textContent();
  assert.notEqual(icon.trim(), '?');
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('a 10-person map with its links, built by keyboard alone in under 60 key presses', async () => {
  const { page, pageErrors } = await app.openApp();
  // Every key press goes through here and is counted; the letters of names are typed text,
  // counted apart (a person has to type a name however the app works).
  let presses = 0;
  let typed = 0;
  const press = async (key) => {
    presses += 1;
    await page.keyboard.press(key);
  };
  const type = async (text) => {
    typed += text.length;
    await page.keyboard.type(text);
  };
  const newMap = page.getByRole('button', { name: 'New account map' });
  await newMap.waitFor();

  // Home: Tab to "New account map", name the map.
  for (let i = 0; i < 10 && !(await newMap.evaluate((el) => el === document.activeElement)); i++) await press('Tab');
  await press('Enter');
  await page.getByRole('textbox', { name: 'Customer or account name' }).waitFor();
  await type('Keyboard GmbH');
  await press('Enter');
  await page.getByRole('heading', { name: 'Keyboard GmbH', level: 1 }).waitFor();

  const nameField = page.getByRole('textbox', { name: 'Name of New stakeholder' });
  const picker = page.getByRole('dialog', { name: /^Link .+ to…$/ });
  const addPerson = async (name) => {
    await press('n');
    await nameField.waitFor();
    await type(name);
    await press('Enter');
    await focusIs(page, new RegExp(`^Stakeholder: ${name},`));
  };
  const reportsTo = async (manager, chooseKind = false) => {
    await press('k');
    await picker.waitFor();
    await type(manager);
    if (chooseKind) {
      await press('Tab');
      await press('r'); // Reports to; remembered for the next links
    }
    await press('Enter');
    await picker.waitFor({ state: 'detached' });
  };

  const chart = [
    ['Anna Berg', null],
    ['Boris Ivanov', 'Anna'],
    ['Carla Diaz', 'Anna'],
    ['Dev Patel', 'Boris'],
    ['Eva Novak', 'Boris'],
    ['Farid Khan', 'Carla'],
    ['Greta Olsen', 'Carla'],
    ['Hugo Laurent', 'Dev'],
    ['Ines Costa', 'Eva'],
    ['Jan Kowalski', 'Farid'],
  ];
  for (const [index, [name, manager]] of chart.entries()) {
    await addPerson(name);
    if (manager) await reportsTo(manager, index === 1);
  }
  // Stances on the way: Jan is selected, so 5 makes him a blocker; Anna a champion from the box below.
  await press('5');
  // One more link from the quick-entry box: Greta influences Anna.
  await press('Control+k');
  await page.getByRole('combobox', { name: /Find a stakeholder/ }).waitFor();
  await type('Greta > Anna #influences');
  await press('Enter');
  await page.getByText('Linked: Greta Olsen influences Anna Berg.').waitFor();
  await hears(page, 'Linked: Greta Olsen influences Anna Berg');
  await press('Escape');
  // Back on the map: to Anna with the arrows is fiddly; Tab from the skip link reaches the first card.
  await page.getByRole('dialog', { name: 'Find or add' }).waitFor({ state: 'detached' });

  console.log(`# keyboard-only map: ${presses} key presses, ${typed} typed characters`);
  assert.ok(presses < 60, `${presses} key presses`);

  // The result, read back as a screen reader hears it.
  for (const [name, manager] of chart) {
    const heard = await card(page, name, { exact: true }).getAttribute('aria-label');
    if (manager) assert.match(heard, new RegExp(`reports to ${manager}`), heard);
  }
  assert.match(await card(page, 'Jan Kowalski').getAttribute('aria-label'), /blocker/);
  assert.equal(await page.locator('[aria-label^="Link: reports-to. "]').count(), 9);
  assert.equal(await page.locator('[aria-label="Link: influences. Greta Olsen influences Anna Berg"]').count(), 1);

  // Tab order is reading order on the map just made: rows top to bottom, left to right in a row.
  const boxes = [];
  for (const [name] of chart) boxes.push({ name, ...(await box(card(page, name, { exact: true }))) });
  const rows = [...boxes].sort((a, b) => a.y - b.y || a.x - b.x);
  const expected = [];
  let row = [];
  for (const item of rows) {
    if (row.length && item.y > row[0].y + row[0].height / 2) {
      expected.push(...row.sort((a, b) => a.x - b.x).map((b) => b.name));
      row = [];
    }
    row.push(item);
  }
  expected.push(...row.sort((a, b) => a.x - b.x).map((b) => b.name));
  await page.keyboard.press('Escape');
  await page.locator('.pm-skip-link').focus();
  await page.keyboard.press('Enter');
  const visited = [];
  for (let i = 0; i < chart.length; i++) {
    if (i > 0) await page.keyboard.press('Tab');
    await focusIs(page, /^Stakeholder: /);
    visited.push((await focused(page)).match(/^Stakeholder: ([^,]+)/)[1]);
  }
  assert.deepEqual(visited, expected);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});
