// The interface in five languages: the picker names each language in itself, the choice changes
// the page at once, `<html lang>` follows, and the next start remembers it. The first start follows
// the browser's language.
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, suite } from './harness.mjs';

const app = suite();

test('choosing Ελληνικά translates the page, sets <html lang> and is remembered', async () => {
  const { page, pageErrors } = await app.openApp();
  const picker = page.getByLabel('Language');
  await picker.waitFor();
  assert.deepEqual(await picker.locator('option').allTextContents(), ['English', 'Română', 'Ελληνικά', 'Русский', 'Polski']);
  await picker.selectOption({ label: 'Ελληνικά' });
  await page.getByLabel('Γλώσσα').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'el');
  await page.reload();
  await page.getByLabel('Γλώσσα').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'el');
  await screenshot(page, 'languages-home-el');
  assert.deepEqual(pageErrors, []);
});

test('the first start follows the browser’s language', async () => {
  const context = await app.newContext({ locale: 'ru-RU' });
  const { page } = await app.openApp({ context });
  await page.getByLabel('Язык').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru');
  const polish = await app.newContext({ locale: 'pl-PL' });
  const second = await app.openApp({ context: polish });
  await second.page.getByLabel('Język').waitFor();
});

/** The Russian word for `count` stakeholders, by the language's own plural rule (1 / 2–4 / 5–20 …). */
const RUSSIAN_STAKEHOLDERS = { one: 'стейкхолдер', few: 'стейкхолдера', many: 'стейкхолдеров', other: 'стейкхолдера' };
const RUSSIAN_WHITE_SPACE = { one: 'белое пятно', few: 'белых пятна', many: 'белых пятен', other: 'белого пятна' };
const russian = (count, forms) => `${count} ${forms[new Intl.PluralRules('ru').select(count)]}`;

/** Does the toolbar, or any of its buttons, need more room than it has? */
const toolbarOverflow = (page) =>
  page.evaluate(() => {
    const bar = document.querySelector('[role="toolbar"]');
    const parts = [bar, ...bar.querySelectorAll('button, h1, .pm-save')];
    return parts.filter((part) => part.scrollWidth > part.clientWidth + 1).map((part) => `${part.className}: ${part.scrollWidth} > ${part.clientWidth} (${part.textContent.trim()})`);
  });

test('in Russian: the home list counts with Russian plurals, the map and its ? overlay speak Russian, and the language changes there without a reload', async () => {
  const { page, pageErrors } = await app.openApp();
  await page.getByLabel('Language').selectOption({ label: 'Русский' });
  await page.getByRole('heading', { name: 'Ваши карты клиентов' }).waitFor();

  const open = page.getByRole('button', { name: 'Открыть Nordwind Logistics AG' });
  const description = await open.evaluate((button) => document.getElementById(button.getAttribute('aria-describedby')).textContent);
  const [, people, whiteSpace] = description.match(/ · (\d+) \S+ · (\d+) /).map(Number);
  assert.ok(people > 1 && whiteSpace > 1, description);
  assert.match(description, new RegExp(`^Изменена .+ · ${russian(people, RUSSIAN_STAKEHOLDERS)} · ${russian(whiteSpace, RUSSIAN_WHITE_SPACE)}$`));

  await open.click();
  const toolbar = page.getByRole('toolbar', { name: 'Панель инструментов карты' });
  await toolbar.waitFor();
  await toolbar.getByRole('button', { name: 'Добавить стейкхолдера' }).waitFor();
  await page.evaluate(() => (window.__samePage = true));
  // The canvas's own words: a line's name and a card's handle, read from the page.
  const canvasWords = () =>
    page.evaluate(() => ({
      line: document.querySelector('.pm-link')?.getAttribute('aria-label') ?? '',
      handle: document.querySelector('.react-flow__node-stakeholder .react-flow__handle')?.getAttribute('aria-label') ?? '',
      stance: document.querySelector('.react-flow__node-stakeholder .pm-card__stance')?.getAttribute('title') ?? '',
      overview: document.querySelector('.pm-overview svg')?.getAttribute('aria-label') ?? '',
    }));
  const overviewName = (language) => JSON.parse(readFileSync(new URL(`../../src/i18n/locales/${language}/canvas.json`, import.meta.url), 'utf8')).overview;
  // A handle is named from canvas.connectTo ("Связать с {name}"): its words before the name.
  const connectTo = (language) => JSON.parse(readFileSync(new URL(`../../src/i18n/locales/${language}/canvas.json`, import.meta.url), 'utf8')).connectTo.split('{')[0];
  const inRussian = await canvasWords();
  assert.ok(inRussian.handle.startsWith(connectTo('ru')), inRussian.handle);
  assert.ok(inRussian.line, 'a line is drawn');
  assert.equal(inRussian.overview, overviewName('ru'));
  assert.ok(inRussian.stance, 'a card names its stance');

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Сочетания клавиш' });
  await help.waitFor();
  await help.getByRole('region', { name: 'Быстрый ввод' }).getByText('#подчиняется').first().waitFor();
  await help.getByRole('rowheader', { name: 'Отметить как чемпиона' }).waitFor();
  await help.getByRole('rowheader', { name: 'Провести связь' }).waitFor();
  await screenshot(page, 'languages-help-ru');

  // The overlay's own picker: everything turns Greek at once, in the same page.
  await help.getByRole('combobox', { name: 'Язык' }).selectOption({ label: 'Ελληνικά' });
  await page.getByRole('dialog', { name: 'Συντομεύσεις πληκτρολογίου' }).waitFor();
  await page.getByRole('toolbar', { name: 'Γραμμή εργαλείων χάρτη' }).waitFor();
  assert.equal(await page.evaluate(() => window.__samePage), true);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'el');
  // The cards and lines already on the canvas change too, without the map opening again.
  await page.waitForFunction((words) => document.querySelector('.react-flow__node-stakeholder .react-flow__handle')?.getAttribute('aria-label')?.startsWith(words), connectTo('el'));
  const inGreek = await canvasWords();
  assert.ok(inGreek.handle.startsWith(connectTo('el')), inGreek.handle);
  assert.notEqual(inGreek.line, inRussian.line, 'the same line, named in Greek now');
  assert.notEqual(inGreek.stance, inRussian.stance, 'the same card’s stance, named in Greek now');
  assert.equal(inGreek.overview, overviewName('el'), 'the overview, named in Greek now');
  assert.deepEqual(pageErrors, []);
});

for (const [language, name, toolbarName] of [
  ['el', 'Ελληνικά', 'Γραμμή εργαλείων χάρτη'],
  ['ru', 'Русский', 'Панель инструментов карты'],
]) {
  test(`at 1280×800 in ${name} the toolbar fits: nothing in it overflows`, async () => {
    const { page } = await app.openApp({ viewport: { width: 1280, height: 800 } });
    await page.getByLabel('Language').selectOption({ label: name });
    await page.getByRole('button', { name: /Nordwind Logistics AG$/ }).first().click();
    await page.getByRole('toolbar', { name: toolbarName }).waitFor();
    await page.waitForTimeout(300);
    assert.deepEqual(await toolbarOverflow(page), []);
    await screenshot(page, `languages-toolbar-${language}-1280`);
  });
}
