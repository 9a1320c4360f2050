// The map toolbar on common laptop and desktop widths: nothing runs off its right edge, and the
// map's name reads on one line (never cut with an ellipsis: it is the account's name).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSample, screenshot, useApp } from './harness.mjs';

const app = useApp();

for (const width of [1280, 1440, 1920]) {
  test(`at ${width} px the toolbar fits and the map's name is on one line`, async () => {
    const { page, pageErrors } = await app.openApp({ viewport: { width, height: 900 } });
    await openSample(page);
    const toolbar = page.getByRole('toolbar', { name: 'Map toolbar' });
    const title = toolbar.getByRole('heading', { name: 'Nordwind Logistics AG' });
    const measured = await toolbar.evaluate((bar, heading) => {
      const style = getComputedStyle(heading);
      const range = document.createRange();
      range.selectNodeContents(heading);
      const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      return {
        scroll: bar.scrollWidth,
        client: bar.clientWidth,
        page: document.documentElement.scrollWidth,
        lines: lines.size,
        ellipsis: style.textOverflow === 'ellipsis' && heading.scrollWidth > heading.clientWidth,
        right: Math.max(...[...bar.querySelectorAll('button')].map((button) => button.getBoundingClientRect().right)),
      };
    }, await title.elementHandle());
    assert.ok(measured.scroll <= measured.client, `toolbar overflows: ${measured.scroll} > ${measured.client}`);
    assert.ok(measured.page <= width, `the page scrolls sideways: ${measured.page} > ${width}`);
    assert.ok(measured.right <= width, `a button runs off the screen at ${measured.right}`);
    assert.equal(measured.lines, 1, `the map's name takes ${measured.lines} lines`);
    assert.equal(measured.ellipsis, false, "the map's name is not cut");
    await screenshot(page, `toolbar-${width}`, { clip: { x: 0, y: 0, width, height: 120 } });
    assert.deepEqual(pageErrors, []);
    await page.context().close();
  });
}
