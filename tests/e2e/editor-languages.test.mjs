// The editor in Greek and in Russian, whose words run about a third longer than English: a card
// selected, the inspector and the insights side by side at 1280x800. Nothing in the toolbar or
// either panel may be wider than its box (cut off or scrolling sideways), the buying-role badges
// are even, and every card shows its whole name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, settled, useApp } from './harness.mjs';

const app = useApp();

const LANGUAGES = [
  { code: 'el', stakeholder: 'Εμπλεκόμενος', inspector: 'Επιθεωρητής', insights: 'Ευρήματα', risks: 'Κίνδυνοι', supporters: /^\d+ υποστηρικτ(ής|ές)$/ },
  { code: 'ru', stakeholder: 'Стейкхолдер', inspector: 'Инспектор', insights: 'Выводы', risks: 'Риски', supporters: /^\d+ сторонник(а|ов)?$/ },
];

/** Elements of the panel whose content is wider than their box, described for the failure message. */
const overflowing = (panel) =>
  panel.evaluate((root) =>
    [root, ...root.querySelectorAll('*')]
      // Text kept for screen readers only is clipped to a pixel on purpose.
      .filter((el) => !el.closest('.pm-visually-hidden') && getComputedStyle(el).display !== 'inline')
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 50)}" ${el.scrollWidth} > ${el.clientWidth}`),
  );

for (const language of LANGUAGES) {
  test(`the editor in ${language.code}: card, inspector and insights fit at 1280x800`, async () => {
    const { context, page, pageErrors } = await app.openApp();
    await page.evaluate((code) => localStorage.setItem('powermap.language', code), language.code);
    await page.reload();
    // The sample's name is a company's own: the same in every language.
    await page.getByRole('button', { name: /Nordwind Logistics AG/ }).first().click();
    const henrik = page.getByRole('group', { name: new RegExp(`^${language.stakeholder}: Henrik Larsen, `) });
    await henrik.waitFor();
    await settled(page);

    await henrik.click();
    const inspector = page.getByRole('complementary', { name: language.inspector });
    await inspector.getByRole('heading', { name: /Henrik Larsen/ }).waitFor();
    // I opens the insights (the same key in every language), with the card still focused.
    await henrik.focus();
    await page.keyboard.press('i');
    const insights = page.getByRole('complementary', { name: language.insights });
    await insights.getByRole('region', { name: language.risks }).waitFor();
    await page.waitForTimeout(300);

    // Counted with the language's plural forms, never "3 supporter".
    const chips = await insights.locator('.pm-insights__chips li').allTextContents();
    assert.ok(chips.some((chip) => language.supporters.test(chip.trim())), `supporters counted in ${language.code}: ${chips.join(' | ')}`);
    assert.equal((await page.locator('html').getAttribute('lang')), language.code);

    await screenshot(page, `editor-${language.code}`);

    assert.deepEqual(await overflowing(page.getByRole('toolbar').first()), [], 'no toolbar control is wider than its box');
    assert.deepEqual(await overflowing(inspector), [], 'nothing in the inspector is wider than its box');
    // The buying-role badges (DM, EB…) beside their names: one size, each wholly inside its row.
    const badges = await inspector.locator('.pm-checks .pm-check').evaluateAll((rows) =>
      rows.map((row) => {
        const badge = row.querySelector('.pm-badge').getBoundingClientRect();
        const box = row.getBoundingClientRect();
        const tick = row.querySelector('input').getBoundingClientRect();
        return {
          text: row.textContent.trim(),
          height: Math.round(badge.height),
          width: Math.round(badge.width),
          inside: badge.top >= box.top - 1 && badge.bottom <= box.bottom + 1 && badge.right <= box.right + 1,
          // Beside its checkbox, on the line of the name, not on a line of its own above it.
          level: Math.abs(badge.top + badge.height / 2 - (tick.top + tick.height / 2)) <= 4,
        };
      }),
    );
    assert.equal(badges.length, 6, 'six buying roles');
    assert.equal(new Set(badges.map((b) => `${b.width}x${b.height}`)).size, 1, `the badges are one size: ${badges.map((b) => `${b.text} ${b.width}x${b.height}`).join(', ')}`);
    for (const badge of badges) assert.ok(badge.inside && badge.level, `${badge.text}: its badge is inside its row, level with its checkbox`);
    assert.deepEqual(await overflowing(insights), [], 'nothing in the insights is wider than its box');

    // Every card drawn shows its whole name, not cut and not spilling out of the card.
    const names = await page.locator('.react-flow__node-stakeholder').evaluateAll((nodes) =>
      nodes.map((node) => {
        const name = node.querySelector('.pm-card__name');
        const card = node.querySelector('.pm-card');
        const rows = [...node.querySelectorAll('.pm-card__meta')];
        return {
          rowsFit: rows.every((row) => row.scrollWidth <= row.clientWidth + 1 && row.getBoundingClientRect().right <= card.getBoundingClientRect().right + 1),
          label: node.getAttribute('aria-label'),
          shown: name.textContent,
          fits: name.scrollWidth <= name.clientWidth + 1 && name.scrollHeight <= name.clientHeight + 1,
          inside: name.getBoundingClientRect().right <= card.getBoundingClientRect().right + 1,
        };
      }),
    );
    assert.ok(names.length >= 10, `cards are drawn (${names.length})`);
    for (const { label, shown, fits, inside, rowsFit } of names) {
      assert.ok(rowsFit, `${shown}'s stance, badges and influence stay inside the card`);
      assert.ok(label.startsWith(`${language.stakeholder}: ${shown},`) || label.startsWith(`${language.stakeholder}: ${shown} (`), `${label} shows its whole name (${shown})`);
      assert.ok(fits && inside, `${shown}'s name fits its card`);
    }
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
}
