// The account map editor end to end, driven as a person would: by role and label.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allCards, card, inspectPng, screenshot, useApp } from './harness.mjs';

const app = useApp();

const toolbarButton = (page, name) => page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name });

async function addStakeholderNamed(page, name) {
  await toolbarButton(page, 'Add stakeholder').click();
  const nameField = page.getByRole('textbox', { name: 'Name of New stakeholder' });
  await nameField.fill(name);
  await nameField.press('Enter');
  await card(page, name).waitFor();
}

test('first start shows the sample account, and nothing leaves the machine', async () => {
  const { page, externalRequests, pageErrors } = await app.openApp();
  const open = page.getByRole('button', { name: 'Open Nordwind Logistics AG' });
  await open.waitFor();
  assert.match(await page.locator(`[id="${await open.getAttribute('aria-describedby')}"]`).textContent(), /24 stakeholders · 2 white-space departments/);
  await open.click();
  await card(page, 'Σταύρος Παπαδόπουλος').waitFor();
  assert.equal(await allCards(page).count(), 24);
  assert.ok((await page.getByRole('group', { name: /^Department: / }).count()) >= 6);
  // A person who left stays on the map, marked, with an arrow to their successor.
  assert.match(await card(page, 'Marek Nowak').textContent(), /Left → Baltic Freight Group/);
  await page.getByLabel('Marek Nowak was succeeded by Ștefan Țărănescu').waitFor();
  // The names in other scripts are drawn with the bundled font, not a fallback.
  const fontReady = await page.evaluate(async () => {
    await document.fonts.ready;
    return ['Σταύρος Παπαδόπουλος', 'Анна Кузнецова', 'Zażółć Gęślą', 'Ștefan Țărănescu'].every((text) =>
      document.fonts.check('700 15px "Noto Sans"', text),
    );
  });
  assert.ok(fontReady, 'Noto Sans covers Greek, Cyrillic, Polish and Romanian names');
  // Every control has an accessible name.
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll('button, input, select, textarea')]
      .filter((el) => {
        const labelled = el.getAttribute('aria-label') || el.getAttribute('title') || el.labels?.length || el.closest('label');
        return !labelled && !el.textContent.trim();
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  assert.deepEqual(unnamed, []);
  await screenshot(page, 'sample-map-1280');
  assert.deepEqual(externalRequests, []);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('create a map, build it, undo and redo, reload, and export a PNG', async () => {
  const { page, externalRequests, pageErrors } = await app.openApp();

  // Create: an empty name is refused with a message.
  await page.getByRole('button', { name: 'New account map' }).click();
  await page.getByRole('button', { name: 'Create map' }).click();
  await page.getByRole('alert').filter({ hasText: 'Give the account map a name.' }).waitFor();
  await page.getByRole('textbox', { name: 'Customer or account name' }).fill('  Acme Freight  ');
  await page.getByRole('button', { name: 'Create map' }).click();
  await page.getByRole('heading', { name: 'Acme Freight', level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Start your account map' }).waitFor();

  // A department, named straight away.
  await toolbarButton(page, 'Add department').click();
  const departmentName = page.getByRole('textbox', { name: 'Name of New department' });
  await departmentName.fill('Finance');
  await departmentName.press('Enter');
  const finance = page.getByRole('group', { name: 'Department: Finance' });
  await finance.waitFor();

  // Three stakeholders inside it: with the department selected, new cards go into it.
  for (const name of ['Maria Nowak', 'Σταύρος Παπαδόπουλος', 'Анна Кузнецова']) {
    await finance.click({ position: { x: 60, y: 20 } });
    await addStakeholderNamed(page, name);
  }
  const members = await page.evaluate(() =>
    [...document.querySelectorAll('.react-flow__node-department .react-flow__node-stakeholder, .react-flow__node-stakeholder')].length,
  );
  assert.equal(members, 3);

  // Tags, one click away on the card.
  await card(page, 'Maria Nowak').hover();
  await page.getByRole('button', { name: 'Champion: tag Maria Nowak' }).click();
  assert.equal(await page.getByRole('button', { name: 'Champion: tag Maria Nowak' }).getAttribute('aria-pressed'), 'true');
  await card(page, 'Σταύρος Παπαδόπουλος').hover();
  await page.getByRole('button', { name: 'Blocker: tag Σταύρος Παπαδόπουλος' }).click();
  await card(page, 'Анна Кузнецова').hover();
  await page.getByRole('button', { name: 'Decision-maker: tag Анна Кузнецова' }).click();
  assert.match(await card(page, 'Maria Nowak').textContent(), /Champion/);
  assert.match(await card(page, 'Σταύρος Παπαδόπουλος').textContent(), /Blocker/);
  assert.match(await card(page, 'Анна Кузнецова').textContent(), /DM/);

  // An influence link, drawn by dragging from one card onto another.
  await card(page, 'Maria Nowak').hover();
  const handle = await page.getByLabel('Draw a link from Maria Nowak').boundingBox();
  const target = await card(page, 'Анна Кузнецова').boundingBox();
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  await page.mouse.up();
  await page.getByLabel(/^Link: influences/).waitFor();
  assert.equal(await page.getByRole('combobox', { name: 'Kind of link' }).inputValue(), 'influences');

  // Mark the department white space.
  await finance.click({ position: { x: 60, y: 20 } });
  await page.getByRole('combobox', { name: 'Coverage' }).selectOption('white-space');
  await finance.getByText('White space').waitFor();

  // Undo and redo, by keyboard.
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 200 } });
  await page.keyboard.press('Control+z');
  await finance.getByText('Coverage unknown').waitFor();
  await page.keyboard.press('Control+Shift+z');
  await finance.getByText('White space').waitFor();
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+y');
  await finance.getByText('White space').waitFor();

  // Stored without a save button: reload and find everything again.
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  await page.reload();
  await card(page, 'Maria Nowak').waitFor();
  assert.match(await card(page, 'Maria Nowak').textContent(), /Champion/);
  assert.match(await card(page, 'Σταύρος Παπαδόπουλος').textContent(), /Blocker/);
  assert.match(await card(page, 'Анна Кузнецова').textContent(), /DM/);
  await page.getByLabel(/^Link: influences/).waitFor();
  await page.getByRole('group', { name: 'Department: Finance' }).getByText('White space').waitFor();
  await screenshot(page, 'built-map');

  // Export a PNG of the whole map.
  await toolbarButton(page, 'Export PNG').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download PNG' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'Acme Freight.png');
  const path = await download.path();
  const png = await inspectPng(page, path);
  assert.ok(png.width > 1280 && png.height > 800, `PNG ${png.width}x${png.height} is larger than the viewport`);
  assert.ok(png.colours > 20, `PNG has ${png.colours} colours, so it is not blank`);

  assert.deepEqual(externalRequests, []);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('Tab in a new card’s name goes on to the title in the inspector, and what is typed there is the title', async () => {
  const { page, pageErrors } = await app.openApp();
  await page.getByRole('button', { name: 'Open Nordwind Logistics AG' }).click();
  await card(page, 'Henrik Larsen').waitFor();
  const before = await allCards(page).count();
  await toolbarButton(page, 'Add stakeholder').click();
  const nameField = page.getByRole('textbox', { name: 'Name of New stakeholder' });
  await nameField.waitFor();
  // Typed as a person types: letters that are shortcuts on the map (i, c, n, P, L) must stay text.
  await page.keyboard.type('Katarzyna Wiśniewska-Schmidt');
  await page.keyboard.press('Tab');
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const title = inspector.getByRole('textbox', { name: 'Title', exact: true });
  assert.equal(await title.evaluate((field) => field === document.activeElement), true, 'the title field has the keyboard');
  await page.keyboard.type('Vice President Global Procurement & Strategic Sourcing, Poland');
  await page.keyboard.press('Enter');
  const katarzyna = card(page, 'Katarzyna Wiśniewska-Schmidt');
  await katarzyna.getByText('Vice President Global Procurement & Strategic Sourcing, Poland').waitFor();
  assert.equal(await allCards(page).count(), before + 1, 'one card was added, no other');
  assert.equal(await inspector.getByRole('textbox', { name: 'Name', exact: true }).inputValue(), 'Katarzyna Wiśniewska-Schmidt');
  assert.equal(await page.getByRole('dialog').count(), 0, 'no panel or presentation opened');
  assert.equal(await inspector.getByRole('radio', { name: /Champion/ }).isChecked(), false, 'no tag was set');
  // Shift+Tab from a name being edited goes back to the card, with the name kept.
  await katarzyna.dblclick();
  await page.getByRole('textbox', { name: 'Name of Katarzyna Wiśniewska-Schmidt' }).waitFor();
  await page.keyboard.press('End');
  await page.keyboard.type(' Jr');
  await page.keyboard.press('Shift+Tab');
  const renamed = card(page, 'Katarzyna Wiśniewska-Schmidt Jr');
  await renamed.waitFor();
  assert.equal(await renamed.evaluate((node) => node === document.activeElement || node.contains(document.activeElement)), true, 'the card has the keyboard');
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});
