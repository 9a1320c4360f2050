// New things land in free space on screen: departments typed one after another in quick entry
// sit side by side, none on top of another, none off the edge of the canvas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, settled, useApp } from './harness.mjs';

const app = useApp();

test('quick entry: four new departments typed in a row sit apart from each other, all on screen', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1280, height: 800 } });
  await page.getByRole('button', { name: 'New account map' }).click();
  await page.getByRole('textbox', { name: 'Customer or account name' }).fill('Acme Freight');
  await page.getByRole('button', { name: 'Create map' }).click();
  await page.getByRole('toolbar', { name: 'Map toolbar' }).waitFor();

  await page.keyboard.press('Control+k');
  const box = page.getByRole('combobox', { name: /^Find a stakeholder or department/ });
  const departments = ['Finance', 'Legal', 'Sales', 'Security'];
  for (const [i, name] of departments.entries()) {
    await box.fill(`Person ${i + 1}, Head of ${name} @${name}`);
    await box.press('Enter');
    await page.getByText(`Added Person ${i + 1} to ${name}.`).waitFor();
  }
  await page.keyboard.press('Escape');
  await settled(page);

  const drawn = await page.evaluate((names) => {
    const canvas = document.querySelector('.react-flow').getBoundingClientRect();
    const frames = names.map((name) => {
      // Named "Department: Finance, engaged, 4 people": the name up to the first comma.
      const node = [...document.querySelectorAll('.react-flow__node')].find((n) => n.getAttribute('aria-label')?.split(',')[0] === `Department: ${name}`);
      const b = node.getBoundingClientRect();
      return { name, left: b.left, top: b.top, right: b.right, bottom: b.bottom };
    });
    return { canvas: { left: canvas.left, top: canvas.top, right: canvas.right, bottom: canvas.bottom }, frames };
  }, departments);
  const { canvas, frames } = drawn;
  for (const f of frames) {
    assert.ok(f.left >= canvas.left && f.top >= canvas.top && f.right <= canvas.right && f.bottom <= canvas.bottom, `${f.name} is wholly on screen (${JSON.stringify(f)})`);
  }
  for (const [i, a] of frames.entries()) {
    for (const b of frames.slice(i + 1)) {
      const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      assert.equal(overlap, false, `${a.name} and ${b.name} do not overlap`);
    }
  }
  await screenshot(page, 'quick-entry-four-departments');
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});
