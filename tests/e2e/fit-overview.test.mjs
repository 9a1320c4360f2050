// After Fit, the overview in the corner (and the zoom buttons beside it) cover no card: the fitted
// view leaves their band along the bottom free.
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
