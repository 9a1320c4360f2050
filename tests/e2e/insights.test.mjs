// The insights panel reads the map the way an account director would, and each finding selects
// the people it is about, so the canvas shows them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allCards, card, openSample, screenshot, settled, useApp } from './harness.mjs';

const app = useApp();

test('insights: coverage, risks, and the path from a champion to a decision-maker highlighted on the canvas', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1600, height: 900 } });
  await openSample(page);
  await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name: 'Insights' }).click();

  const panel = page.getByRole('complementary', { name: 'Insights' });
  assert.match(await panel.getByRole('region', { name: 'Coverage' }).textContent(), /3 of 6 decision-makers and economic buyers covered/);
  const riskList = panel.getByRole('region', { name: 'Risks' });
  assert.ok((await riskList.getByRole('button').count()) >= 5, 'the sample shows several risks');
  await riskList.getByRole('button', { name: /Zofia Wróbel .* is a blocker with high influence/ }).waitFor();

  // A path with at least one step between champion and decider.
  const paths = panel.getByRole('region', { name: 'From a champion to each decider' });
  const path = paths.getByRole('button', { name: /^Path to .+→.+→/ }).first();
  const people = (await path.locator('.pm-insight__path').textContent()).split(' → ');
  await path.click();
  await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node-stakeholder.selected').length === n, people.length);
  for (const person of people) {
    assert.ok(await card(page, person).evaluate((el) => el.classList.contains('selected')), `${person} is highlighted`);
  }
  assert.equal(await page.locator('.pm-link--selected').count(), people.length - 1, 'the links along the path are highlighted too');
  await screenshot(page, 'insights-path');

  // The inspector beside the panel shows what the path selected; closing the panel leaves it.
  await page.getByRole('complementary', { name: 'Inspector' }).getByRole('heading', { name: `${people.length * 2 - 1} selected` }).waitFor();
  await panel.getByRole('button', { name: 'Close insights' }).click();
  await page.getByRole('complementary', { name: 'Inspector' }).getByRole('heading', { name: `${people.length * 2 - 1} selected` }).waitFor();
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('quick entry: three people typed from the keyboard alone, then found again with Ctrl+K', async () => {
  const { page, pageErrors } = await app.openApp();
  await openSample(page);
  await page.locator('body').click({ position: { x: 5, y: 300 } });

  await page.keyboard.press('Control+k');
  const box = page.getByRole('combobox', { name: 'Find a stakeholder or department, or type a new one' });
  await box.waitFor();
  const lines = [
    'Maria Nowak, CFO @Finance #decision-maker #champion',
    'Tomasz Zieliński, Head of Security @Security #blocker #high',
    'Ines Brandt #eb',
  ];
  for (const line of lines) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Find or add' }).getByRole('status').filter({ hasText: `Added ${line.split(/[,#]/)[0].trim()}` }).waitFor();
  }
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Find or add' }).waitFor({ state: 'detached' });

  await card(page, 'Maria Nowak, CFO').waitFor();
  await card(page, 'Tomasz Zieliński, Head of Security').waitFor();
  await page.getByRole('group', { name: 'Department: Security' }).waitFor();
  await card(page, 'Ines Brandt').waitFor();

  // Find Maria again by part of her title, from the keyboard, and check what the line set.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('cfo');
  const options = page.getByRole('listbox', { name: 'Results' }).getByRole('option');
  assert.ok((await options.count()) >= 2, 'the sample CFO and Maria both match');
  await options.filter({ hasText: 'Maria Nowak' }).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByRole('heading', { name: /Maria Nowak/ }).waitFor();
  assert.equal(await inspector.getByRole('textbox', { name: 'Name' }).inputValue(), 'Maria Nowak');
  assert.equal(await inspector.getByRole('combobox', { name: 'Department' }).locator('option:checked').textContent(), 'Finance');
  assert.equal(await inspector.getByRole('radio', { name: /Champion/ }).isChecked(), true);
  assert.equal(await inspector.getByRole('checkbox', { name: /Decision-maker/ }).isChecked(), true);

  // One undo takes back the last person added.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await card(page, 'Ines Brandt').waitFor({ state: 'detached' });
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('focus: only the blockers and skeptics stay bright, the rest dim; chips remove the filters', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1600, height: 900 } });
  await openSample(page);
  const dimmed = (name) => card(page, name).locator('.pm-card').evaluate((el) => el.classList.contains('pm-card--dim'));

  const focus = page.getByRole('combobox', { name: 'Focus on' });
  await focus.selectOption({ label: 'Blocker' });
  await focus.selectOption({ label: 'Skeptic' });
  const chips = page.getByRole('list', { name: 'Focus filters' });
  await chips.getByRole('button', { name: 'Remove focus Stance: Blocker' }).waitFor();
  assert.equal(await dimmed('Zofia Wróbel'), false, 'the blocker stays bright');
  assert.equal(await dimmed('Claire Dubois'), false, 'a skeptic stays bright');
  assert.equal(await dimmed('Henrik Larsen'), true, 'a neutral CEO dims');
  assert.equal(await allCards(page).count(), 24, 'dimmed cards stay on the map');

  // Narrow to Finance: filters of different kinds combine.
  await focus.selectOption({ label: 'Finance' });
  assert.equal(await dimmed('Zofia Wróbel'), false, 'Procurement sits inside Finance');
  assert.equal(await dimmed('Claire Dubois'), true, 'the CFO sits in the Executive Board, not Finance');
  // The bar says how many are in focus: the cards left bright.
  const bright = await allCards(page).locator('.pm-card:not(.pm-card--dim)').count();
  const status = page.locator('.pm-focus').getByRole('status');
  assert.equal(await status.textContent(), `${bright} ${bright === 1 ? 'person' : 'people'} in focus`);
  await screenshot(page, 'focus');
  // One filter more that no one in focus matches: every card fades, and the bar says so.
  await focus.selectOption({ label: 'Sam Carter' });
  await status.filter({ hasText: 'No one matches all of these: every card is faded.' }).waitFor();
  assert.equal(await allCards(page).locator('.pm-card:not(.pm-card--dim)').count(), 0);
  await chips.getByRole('button', { name: 'Remove focus Owner: Sam Carter' }).click();
  await status.filter({ hasText: 'in focus' }).waitFor();

  await chips.getByRole('button', { name: 'Clear focus' }).click();
  await chips.waitFor({ state: 'detached' });
  assert.equal(await dimmed('Henrik Larsen'), false);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('snapshot: take one, change a stance, compare with marks on the canvas, remove someone, view the snapshot read-only, delete it', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1600, height: 900 } });
  await openSample(page);
  await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name: 'Insights' }).click();
  const snapshots = page.getByRole('region', { name: 'Snapshots' });
  await snapshots.getByRole('button', { name: 'Take snapshot' }).click();
  await page.getByRole('dialog', { name: 'Take a snapshot' }).getByLabel('Snapshot name').fill('At handover');
  await page.getByRole('dialog', { name: 'Take a snapshot' }).getByRole('button', { name: 'Take snapshot' }).click();
  await snapshots.getByRole('button', { name: 'Compare with At handover' }).waitFor();

  // Henrik becomes a champion.
  // A click on his name: with the insights open the map is fitted small, and a fixed offset such
  // as 110 px from the card's corner can fall beside the card, on the line that ends there.
  const henrik = card(page, 'Henrik Larsen');
  await henrik.getByText('Henrik Larsen', { exact: true }).click();
  await page.keyboard.press('c');
  await page.waitForFunction(() => document.querySelector('[aria-label^="Stakeholder: Henrik Larsen"] .pm-card__stance-label')?.textContent === 'Champion');

  await snapshots.getByRole('button', { name: 'Compare with At handover' }).click();
  const changes = page.getByRole('region', { name: 'Changes since “At handover”' });
  const change = changes.getByRole('button', { name: 'Henrik Larsen: Neutral → Champion' });
  await change.waitFor();
  assert.equal(await changes.getByRole('listitem').count(), 1, 'the one change, nothing else');
  // The canvas marks it, and says what it is comparing with.
  const bar = page.getByRole('status', { name: 'Comparison' });
  assert.match(await bar.textContent(), /1 change since “At handover”/);
  assert.equal(await henrik.locator('.pm-change-mark').textContent(), 'Neutral → Champion');
  assert.equal(await page.locator('.react-flow__node .pm-change-mark, .react-flow__edgelabel-renderer .pm-change-mark').count(), 1, 'nobody else is marked');
  await page.keyboard.press('Escape');
  await change.click();
  await page.waitForFunction(() => document.querySelector('[aria-label^="Stakeholder: Henrik Larsen"]')?.classList.contains('selected'));

  // The marks follow the map while comparing: remove Lukas Becker and he stays as an outline where
  // he stood, with his lost links drawn. (Insights sit beside the inspector: fit the map to see him.)
  await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name: 'Fit map to screen' }).click();
  await settled(page);
  await card(page, 'Lukas Becker').click();
  await page.keyboard.press('Delete');
  const outline = page.getByRole('group', { name: /^Removed since the snapshot: Lukas Becker/ });
  await outline.waitFor();
  assert.equal(await outline.locator('.pm-change-mark').textContent(), 'Removed');
  await changes.getByRole('button', { name: 'Removed: Lukas Becker' }).waitFor();
  const lost = await changes.getByRole('button', { name: /^Lost link: Lukas Becker/ }).count();
  assert.ok(lost >= 1, 'his links are listed as lost');
  assert.equal(await page.locator('.pm-link--lost').count(), lost, 'and drawn on the canvas');
  assert.match(await bar.textContent(), new RegExp(`${2 + lost} changes since`));
  await screenshot(page, 'snapshot-compare');
  // Undo brings him back, and the outline goes.
  await page.keyboard.press('Control+z');
  await outline.waitFor({ state: 'detached' });
  await card(page, 'Lukas Becker').waitFor();

  // The snapshot opens read-only, with Henrik as he was.
  await snapshots.getByRole('button', { name: 'View At handover' }).click();
  await page.getByRole('banner', { name: 'Snapshot' }).getByRole('heading', { name: 'Snapshot “At handover”' }).waitFor();
  const frozen = card(page, 'Henrik Larsen');
  assert.equal(await frozen.locator('.pm-card__stance-label').textContent(), 'Neutral');
  assert.equal(await page.locator('.react-flow__node .pm-change-mark, .react-flow__edgelabel-renderer .pm-change-mark').count(), 0, 'the snapshot itself carries no marks');
  await page.getByRole('button', { name: '← Back to the map' }).click();
  await page.getByRole('toolbar', { name: 'Map toolbar' }).waitFor();
  assert.equal(await card(page, 'Henrik Larsen').locator('.pm-card__stance-label').textContent(), 'Champion', 'the live map kept the change');
  // Back on the map the comparison is still on, until it is stopped.
  await henrik.locator('.pm-change-mark').waitFor();
  await bar.getByRole('button', { name: 'Stop comparing' }).click();
  await bar.waitFor({ state: 'detached' });
  assert.equal(await page.locator('.react-flow__node .pm-change-mark, .react-flow__edgelabel-renderer .pm-change-mark').count(), 0, 'no marks once stopped');

  // The insights panel is still open, as it was left.
  await snapshots.getByRole('button', { name: 'Delete At handover' }).click();
  await page.getByRole('dialog', { name: 'Delete the snapshot “At handover”?' }).getByRole('button', { name: 'Delete snapshot' }).click();
  await snapshots.getByText('Freeze the map before a handover').waitFor();
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('comparing with a snapshot on the whole map: a department whose coverage changed keeps its own header and mark, not a label over them', async () => {
  // At 1280 × 800 the sample opens at about 36%: the departments carry name labels.
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1280, height: 800 } });
  await openSample(page);
  const labelled = async () => JSON.parse((await page.locator('canvas.pm-department-labels').getAttribute('data-labels')) ?? '[]').map(([name]) => name);
  await page.waitForFunction(() => document.querySelector('canvas.pm-department-labels')?.dataset.labels?.includes('Legal & Compliance'));
  await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name: 'Insights' }).click();
  const snapshots = page.getByRole('region', { name: 'Snapshots' });
  await snapshots.getByRole('button', { name: 'Take snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Take a snapshot' });
  await dialog.getByLabel('Snapshot name').fill('Before');
  await dialog.getByRole('button', { name: 'Take snapshot' }).click();
  await snapshots.getByRole('button', { name: 'Compare with Before' }).waitFor();
  await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name: 'Insights' }).click();
  // Legal & Compliance becomes white space, and the comparison starts.
  const legal = page.getByRole('group', { name: /^Department: Legal & Compliance/ });
  await legal.locator('.pm-department__header').click({ position: { x: 4, y: 4 } });
  await page.getByRole('combobox', { name: 'Coverage' }).selectOption('white-space');
  await page.keyboard.press('Escape');
  await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name: 'Insights' }).click();
  await snapshots.getByRole('button', { name: 'Compare with Before' }).click();
  const mark = legal.locator('.pm-change-mark');
  await mark.waitFor();
  await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name: 'Insights' }).click();
  await snapshots.waitFor({ state: 'detached' });
  await page.waitForTimeout(800);
  const names = await labelled();
  for (const name of ['Executive Board', 'Finance', 'IT', 'Operations']) assert.ok(names.includes(name), `the others keep their labels (${names.join(', ')})`);
  assert.ok(!names.includes('Legal & Compliance'), 'the marked department has no label');
  assert.equal(await mark.isVisible(), true, 'its mark shows');
  assert.equal(await legal.locator('.pm-department__name').isVisible(), true, 'its own name shows');
  await screenshot(page, 'compare-department-mark');
  // The comparison over, the same view labels it again.
  await page.getByRole('status', { name: 'Comparison' }).getByRole('button', { name: 'Stop comparing' }).click();
  await page.waitForFunction(() => document.querySelector('canvas.pm-department-labels')?.dataset.labels?.includes('Legal & Compliance'));
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});
