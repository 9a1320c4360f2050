// The insights panel reads the map the way an account director would, and each finding selects
// the people it is about, so the canvas shows them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, useApp } from './harness.mjs';

const app = useApp();

test('insights: coverage, risks, and the path from a champion to a decision-maker highlighted on the canvas', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1600, height: 900 } });
  await page.getByRole('button', { name: 'Open Nordwind Logistics AG' }).click();
  await page.getByRole('group', { name: 'Department: IT' }).waitFor();
  await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name: 'Insights' }).click();

  const panel = page.getByRole('complementary', { name: 'Insights' });
  assert.match(await panel.getByRole('region', { name: 'Coverage' }).textContent(), /3 of 6 decision-makers and economic buyers covered/);
  const riskList = panel.getByRole('region', { name: 'Risks' });
  assert.ok((await riskList.getByRole('button').count()) >= 5, 'the sample shows several risks');
  await riskList.getByRole('button', { name: /Zofia Wróbel .* is a blocker with high influence/ }).waitFor();

  // A path with at least one step between champion and decider.
  const paths = panel.getByRole('region', { name: 'From a champion to each decider' });
  const path = paths.getByRole('button', { name: /^Path to .+→.+→/ }).first();
  const label = await path.getAttribute('aria-label');
  const people = label.replace(/^Path to [^:]+: /, '').split(' → ');
  await path.click();
  await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node-stakeholder.selected').length === n, people.length);
  for (const person of people) {
    assert.ok(await page.getByRole('group', { name: new RegExp(`^Stakeholder: ${person}`) }).evaluate((el) => el.classList.contains('selected')), `${person} is highlighted`);
  }
  assert.equal(await page.locator('.react-flow__edge.selected').count(), people.length - 1, 'the links along the path are highlighted too');
  await screenshot(page, 'insights-path');

  // Closing the panel brings the inspector back, showing what the path selected.
  await panel.getByRole('button', { name: 'Close insights' }).click();
  await page.getByRole('complementary', { name: 'Inspector' }).getByRole('heading', { name: `${people.length * 2 - 1} selected` }).waitFor();
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});
