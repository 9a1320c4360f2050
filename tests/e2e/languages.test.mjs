// The interface in five languages: the picker names each language in itself, the choice changes
// the page at once, `<html lang>` follows, and the next start remembers it. The first start follows
// the browser's language.
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
