// A newer CRM export into a map made from an older one: the user reviews what would change (new
// people, changed titles, departments and managers, people gone), unticks what should stay, applies,
// and one Ctrl+Z gives back the map as it was, hand-entered stance and notes included. The older
// export is a real Salesforce API export; the newer one is that file with the edits listed in
// tests/fixtures/crm-exports-reimport/README.md.
import { test } from 'node:test';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { allCards, card, repoRoot, screenshot, settled, useApp } from './harness.mjs';
import { chooseFile, importAsNewMap, NEWER_EXPORT, OLDER_EXPORT } from './import-tools.mjs';

const app = useApp();
const OLDER = OLDER_EXPORT;
const NEWER = NEWER_EXPORT;

/** The map as its file says: departments, people and links (not the time it was saved). */
async function savedMap(page) {
  const toolbar = page.getByRole('toolbar', { name: 'Map toolbar' });
  const [download] = await Promise.all([page.waitForEvent('download'), toolbar.getByRole('button', { name: 'Save map file' }).click()]);
  const { map } = JSON.parse(await readFile(await download.path(), 'utf8'));
  return { departments: map.departments, stakeholders: map.stakeholders, links: map.links, team: map.team };
}

const inspector = (page) => page.getByRole('complementary', { name: 'Inspector' });

test('a newer export is reviewed, partly applied in one undo step, and the hand-entered stance and notes survive', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1400, height: 1000 } });
  await importAsNewMap(page, OLDER, 'General Electric', 6, 'Imported 6 stakeholders and 5 reports-to links into “General Electric”.');
  await card(page, 'Ethan Willson, Sales Manager').waitFor();

  // By hand: Ethan is a champion, with a note.
  await card(page, 'Ethan Willson').click();
  await inspector(page).getByRole('radio', { name: 'Champion' }).check();
  await inspector(page).getByRole('textbox', { name: 'Notes' }).fill('Owns the EMEA budget.');
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 200 } });

  // The same export again: nothing to review, nobody added.
  const toolbar = page.getByRole('toolbar', { name: 'Map toolbar' });
  await chooseFile(page, toolbar.getByRole('button', { name: 'Import map file or CSV' }), OLDER);
  const same = page.getByRole('dialog', { name: 'Import stakeholders into “General Electric”' });
  await same.getByRole('button', { name: 'Review changes from 6 rows' }).click();
  await same.getByRole('status').filter({ hasText: 'No changes: the map matches this export.' }).waitFor();
  await same.getByRole('button', { name: 'Done' }).click();
  assert.equal(await allCards(page).count(), 6);
  const before = await savedMap(page);

  // The newer export: the review lists everything, and nothing has changed yet.
  await chooseFile(page, toolbar.getByRole('button', { name: 'Import map file or CSV' }), NEWER);
  const dialog = page.getByRole('dialog', { name: 'Import stakeholders into “General Electric”' });
  await dialog.getByRole('button', { name: 'Review changes from 6 rows' }).click();
  const added = dialog.getByRole('group', { name: /^New people/ });
  const changed = dialog.getByRole('group', { name: /^Changed/ });
  const missing = dialog.getByRole('group', { name: /^Missing from the export: left the company\?/ });
  await added.getByRole('checkbox', { name: 'Noah Miller, IT Procurement Lead, Technology' }).waitFor();
  const changes = await changed.getByRole('checkbox').evaluateAll((boxes) => boxes.map((box) => box.closest('label').textContent));
  assert.deepEqual(changes, [
    'Ethan Willson, title: Sales Manager → Head of Sales EMEA',
    'Isabella Willson, reports to: Ethan Willson → Emma Brown',
    'Jacob Williams, title: Director of Technology → Chief Technology Officer',
    'Jacob Williams, department: no department → Technology',
  ]);
  assert.equal(await missing.getByRole('checkbox').count(), 1);
  await missing.getByRole('checkbox', { name: 'Elizabeth Smith, Purchasing Manager' }).waitFor();
  assert.equal(await card(page, 'Noah Miller').count(), 0);
  await card(page, 'Ethan Willson, Sales Manager').waitFor();

  // None and All per group, and one change unticked: Jacob keeps his title but moves department.
  await changed.getByRole('button', { name: 'Accept none: Changed' }).click();
  assert.equal(await dialog.getByRole('button', { name: 'Apply 2 changes' }).isEnabled(), true);
  await changed.getByRole('button', { name: 'Accept all: Changed' }).click();
  await changed.getByRole('checkbox', { name: /^Jacob Williams, title:/ }).uncheck();
  await changed.getByText('Changed (3 of 4)').waitFor();
  await screenshot(page, 'reimport-review');
  await dialog.getByRole('button', { name: 'Apply 5 changes' }).click();
  await dialog
    .getByRole('status')
    .filter({ hasText: 'Updated “General Electric” from “salesforce-api-export-contact-reportsto-newer.csv”: 1 new, 3 updated, 1 marked as left the company.' })
    .waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();

  // The map: Noah is new in the new Technology department with Jacob, Ethan has his new title and
  // is still a champion with his note, Jacob kept his title, Elizabeth is marked as gone, not deleted.
  const technology = page.getByRole('group', { name: 'Department: Technology' });
  await technology.waitFor();
  await card(page, 'Noah Miller, IT Procurement Lead').waitFor();
  await card(page, 'Jacob Williams, Director of Technology').waitFor();
  // Measured once the view has stopped easing to the updated people, so frame and card are read in
  // the same position.
  await settled(page);
  const techBox = await technology.boundingBox();
  for (const name of ['Jacob Williams', 'Noah Miller']) {
    const box = await card(page, name).boundingBox();
    const inside = box.x >= techBox.x && box.y >= techBox.y && box.x + box.width <= techBox.x + techBox.width + 1 && box.y + box.height <= techBox.y + techBox.height + 1;
    assert.ok(inside, `${name} is inside Technology: card ${JSON.stringify(box)}, department ${JSON.stringify(techBox)}`);
  }
  // The people the update touched are selected; a click on the canvas clears that, a click on Ethan selects him.
  await page.getByRole('complementary', { name: 'Inspector' }).getByRole('heading', { name: '5 selected' }).waitFor();
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 200 } });
  await card(page, 'Ethan Willson').click();
  await card(page, 'Ethan Willson, Head of Sales EMEA').waitFor();
  assert.equal(await inspector(page).getByRole('radio', { name: 'Champion' }).isChecked(), true);
  assert.equal(await inspector(page).getByRole('textbox', { name: 'Notes' }).inputValue(), 'Owns the EMEA budget.');
  await card(page, 'Elizabeth Smith').click();
  await inspector(page).getByText('Stakeholder · left the company').waitFor();
  assert.equal(await inspector(page).getByRole('checkbox', { name: 'Left the company' }).isChecked(), true);
  assert.equal(await allCards(page).count(), 7);
  await screenshot(page, 'reimport-applied');

  // One Ctrl+Z: the map as it was before the re-import, the hand-entered stance and note included.
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 200 } });
  await page.keyboard.press('Control+z');
  await card(page, 'Noah Miller').waitFor({ state: 'detached' });
  await card(page, 'Ethan Willson, Sales Manager').waitFor();
  assert.equal(await page.getByRole('group', { name: 'Department: Technology' }).count(), 0);
  assert.deepEqual(await savedMap(page), before);
  await card(page, 'Ethan Willson').click();
  assert.equal(await inspector(page).getByRole('radio', { name: 'Champion' }).isChecked(), true);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('a title changed by hand is not offered back, one changed here and in the CRM is offered unticked, and someone marked as left is offered back', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1400, height: 1000 } });
  await importAsNewMap(page, OLDER, 'General Electric', 6, 'Imported 6 stakeholders and 5 reports-to links into “General Electric”.');

  // By hand: Ava's title (the CRM keeps "CEO"), Ethan's title (the CRM changes it too), and Ava marked as gone.
  await card(page, 'Ava Anderson').click();
  await inspector(page).getByRole('textbox', { name: 'Title' }).fill('Chief Executive Officer');
  await inspector(page).getByRole('checkbox', { name: 'Left the company' }).check();
  await card(page, 'Ethan Willson').click();
  await inspector(page).getByRole('textbox', { name: 'Title' }).fill('Regional Sales Lead');
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 200 } });
  await card(page, 'Ethan Willson, Regional Sales Lead').waitFor();

  const toolbar = page.getByRole('toolbar', { name: 'Map toolbar' });
  await chooseFile(page, toolbar.getByRole('button', { name: 'Import map file or CSV' }), NEWER);
  const dialog = page.getByRole('dialog', { name: 'Import stakeholders into “General Electric”' });
  await dialog.getByRole('button', { name: 'Review changes from 6 rows' }).click();
  const changed = dialog.getByRole('group', { name: /^Changed/ });
  const ethan = changed.getByRole('checkbox', { name: 'Ethan Willson, title: Regional Sales Lead → Head of Sales EMEA (changed here and in the CRM)' });
  await ethan.waitFor();
  assert.equal(await ethan.isChecked(), false);
  // Ava's title is not offered back to "CEO": only the CRM's own changes are listed.
  assert.equal(await changed.getByRole('checkbox', { name: /^Ava Anderson/ }).count(), 0);
  await changed.getByText('Changed (3 of 4)').waitFor();
  await dialog.getByText('Changes made on the map and in the CRM since the last import are not ticked').waitFor();
  const back = dialog.getByRole('group', { name: /^Marked as left, but in the export: back at the company\?/ });
  const ava = back.getByRole('checkbox', { name: 'Ava Anderson, Chief Executive Officer' });
  assert.equal(await ava.isChecked(), false);
  await ava.check();
  await screenshot(page, 'reimport-three-way');
  await dialog.getByRole('button', { name: 'Apply 6 changes' }).click();
  await dialog.getByRole('status').filter({ hasText: ': 1 new, 2 updated, 1 marked as left the company, 1 back at the company.' }).waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();

  await card(page, 'Ethan Willson, Regional Sales Lead').waitFor();
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 200 } });
  await card(page, 'Ava Anderson, Chief Executive Officer').click();
  assert.equal(await inspector(page).getByRole('checkbox', { name: 'Left the company' }).isChecked(), false);

  // The same newer export again: what the user declined is not offered again.
  await chooseFile(page, toolbar.getByRole('button', { name: 'Import map file or CSV' }), NEWER);
  const again = page.getByRole('dialog', { name: 'Import stakeholders into “General Electric”' });
  await again.getByRole('button', { name: 'Review changes from 6 rows' }).click();
  await again.getByRole('status').filter({ hasText: 'No changes: the map matches this export.' }).waitFor();
  await again.getByRole('button', { name: 'Done' }).click();
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('a file without CRM ids into a map that has its people: the dialog warns, and skips the rows named like someone on the map', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1400, height: 1000 } });
  const users = join(repoRoot, 'tests/fixtures/crm-exports/dynamics365-users-with-manager.csv');
  await importAsNewMap(page, users, 'Contoso', 13, 'Imported 13 stakeholders and 11 reports-to links into “Contoso”.');
  await card(page, 'Alan Ross').waitFor();
  // The same user list a month later, with one new user who reports to Alan Ross.
  const later = join(await mkdtemp(join(tmpdir(), 'powermap-')), 'users-later.csv');
  await writeFile(later, `${await readFile(users, 'utf8')}Nina,Berg,nberg@ccadadeprod.onmicrosoft.com,Sales Representative,Alan Ross\r\n`);

  const toolbar = page.getByRole('toolbar', { name: 'Map toolbar' });
  await chooseFile(page, toolbar.getByRole('button', { name: 'Import map file or CSV' }), later);
  const dialog = page.getByRole('dialog', { name: 'Import stakeholders into “Contoso”' });
  await dialog.getByText('This file has no CRM id column, so only a name tells that someone is already on “Contoso”').waitFor();
  const skip = dialog.getByRole('checkbox', { name: /^Skip the 13 rows named like someone on the map/ });
  assert.equal(await skip.isChecked(), true);
  await screenshot(page, 'import-without-ids');
  await dialog.getByRole('button', { name: 'Import 14 rows' }).click();
  await dialog.getByText('Imported 1 stakeholder and 1 reports-to link into “Contoso”.').waitFor();
  await dialog.getByText('13 rows name people already on the map and have no CRM id: left out').waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await card(page, 'Nina Berg').waitFor();
  assert.equal(await allCards(page).count(), 14);
  assert.equal(await card(page, 'Alan Ross').count(), 1);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});
