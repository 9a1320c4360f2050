// The map toolbar on common laptop and desktop widths: nothing runs off its right edge, the bar is
// one row (a second row is taken from the map on a projector), the main adding buttons keep their
// words, and the map's name reads on one line (never cut with an ellipsis: it is the account's name).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSample, screenshot, useApp } from './harness.mjs';

const app = useApp();

for (const width of [1280, 1440, 1600, 1920]) {
  test(`at ${width} px the toolbar fits on one row and the map's name is on one line`, async () => {
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
        // Parts whose middles are further apart than the shortest part's height are on different rows.
        rows: (() => {
          const boxes = [...bar.children].map((part) => part.getBoundingClientRect());
          const middles = boxes.map((box) => box.top + box.height / 2);
          const shortest = Math.min(...boxes.map((box) => box.height));
          return Math.max(...middles) - Math.min(...middles) < shortest ? 1 : 2;
        })(),
        right: Math.max(...[...bar.querySelectorAll('button')].map((button) => button.getBoundingClientRect().right)),
      };
    }, await title.elementHandle());
    assert.ok(measured.scroll <= measured.client, `toolbar overflows: ${measured.scroll} > ${measured.client}`);
    assert.ok(measured.page <= width, `the page scrolls sideways: ${measured.page} > ${width}`);
    assert.ok(measured.right <= width, `a button runs off the screen at ${measured.right}`);
    assert.equal(measured.rows, 1, `the toolbar takes ${measured.rows} rows`);
    for (const name of ['Stakeholder', 'Department']) {
      assert.equal(await toolbar.getByRole('button', { name: new RegExp(`^Add ${name.toLowerCase()}`) }).getByText(name, { exact: true }).isVisible(), true, `"${name}" shows its word`);
    }
    assert.equal(measured.lines, 1, `the map's name takes ${measured.lines} lines`);
    assert.equal(measured.ellipsis, false, "the map's name is not cut");
    await screenshot(page, `toolbar-${width}`, { clip: { x: 0, y: 0, width, height: 120 } });
    assert.deepEqual(pageErrors, []);
    await page.context().close();
  });
}

test('the toolbar fits again when the map name grows and shrinks', async () => {
  const { page, pageErrors } = await app.openApp({ viewport: { width: 1600, height: 900 } });
  await openSample(page);
  const toolbar = page.getByRole('toolbar', { name: 'Map toolbar' });
  const rows = () =>
    toolbar.evaluate((bar) => {
      const tops = [...bar.children].map((part) => part.getBoundingClientRect());
      const middles = tops.map((box) => box.top + box.height / 2);
      return Math.max(...middles) - Math.min(...middles) < Math.min(...tops.map((box) => box.height)) ? 1 : 2;
    });
  const word = () => toolbar.getByRole('button', { name: /^Add stakeholder/ }).getByText('Stakeholder', { exact: true });
  assert.equal(await word().isVisible(), true, 'at 1600 px the button shows its word');
  const name = page.getByRole('textbox', { name: 'Map name' });
  const long = 'Nordwind Logistics AG, Contract Logistics Central Europe';
  await name.fill(long);
  await name.press('Enter');
  await toolbar.getByRole('heading', { name: long }).waitFor();
  // The bar makes room by dropping the words of its smaller buttons.
  const placeholderWord = toolbar.getByRole('button', { name: /^Add placeholder/ }).getByText('Placeholder', { exact: true });
  await placeholderWord.waitFor({ state: 'hidden' });
  assert.equal(await rows(), 1, 'a long name does not push the toolbar onto a second row');
  await name.fill('Nordwind');
  await name.press('Enter');
  await toolbar.getByRole('heading', { name: 'Nordwind', exact: true }).waitFor();
  await word().waitFor({ state: 'visible' });
  await placeholderWord.waitFor({ state: 'visible' });
  assert.equal(await rows(), 1);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});
