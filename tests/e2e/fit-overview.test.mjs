// After Fit, the overview in the corner (and the zoom buttons beside it) cover no card: the fitted
// view leaves their band along the bottom free. The focus picker, top left, covers no card and no
// department's name, on opening and after Fit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allCards, openSample, settled, useApp } from './harness.mjs';

const app = useApp();

for (const viewport of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
  test(`Fit at ${viewport.width}x${viewport.height} leaves every card clear of the overview`, async () => {
    const { page, pageErrors } = await app.openApp({ viewport });
    await openSample(page);
    await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name: /^Fit/ }).click();
    await settled(page);
    const overview = await page.getByRole('img', { name: /^Overview of the whole map/ }).boundingBox();
    const cards = await allCards(page).evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { name: el.getAttribute('aria-label'), left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
    );
    assert.ok(cards.length >= 20, `${cards.length} cards drawn`);
    const under = cards.filter(
      (c) => c.left < overview.x + overview.width && c.right > overview.x && c.top < overview.y + overview.height && c.bottom > overview.y,
    );
    assert.deepEqual(under.map((c) => c.name), [], 'no card under the overview');
    assert.deepEqual(pageErrors, []);
    await page.context().close();
  });
}

/** The cards and department headers (with their names) that the box overlaps. */
const under = (page, box) =>
  page.evaluate((b) => {
    const hit = (r) => r.left < b.x + b.width && r.right > b.x && r.top < b.y + b.height && r.bottom > b.y;
    const cards = [...document.querySelectorAll('[aria-label^="Stakeholder: "]')].filter((el) => hit(el.getBoundingClientRect())).map((el) => el.getAttribute('aria-label').split(',')[0]);
    const headers = [...document.querySelectorAll('.pm-department__header')].filter((el) => hit(el.getBoundingClientRect())).map((el) => `header of ${el.textContent}`);
    return [...cards, ...headers];
  }, box);

for (const viewport of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
  test(`the focus picker covers no card and no department name at ${viewport.width}x${viewport.height}, on opening and after Fit`, async () => {
    const { page, pageErrors } = await app.openApp({ viewport });
    await openSample(page);
    await settled(page);
    const picker = page.locator('.pm-focus');
    await page.getByRole('combobox', { name: 'Focus on' }).waitFor();
    assert.deepEqual(await under(page, await picker.boundingBox()), [], 'on opening');
    await page.getByRole('toolbar', { name: 'Map toolbar' }).getByRole('button', { name: /^Fit/ }).click();
    await settled(page);
    await page.waitForTimeout(300);
    assert.deepEqual(await under(page, await picker.boundingBox()), [], 'after Fit');
    assert.deepEqual(pageErrors, []);
    await page.context().close();
  });
}
