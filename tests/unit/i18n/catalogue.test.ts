// Every language has every message English has, no message English lacks, the same placeholders,
// and a plural form for each of its own CLDR categories: Russian and Polish need one, few and
// many; a message that only says "one" and "other" reads wrongly for 2–4 or 5+.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { english } from '../../../src/i18n/en';
import IntlMessageFormat from 'intl-messageformat';
import { isPlainMessage, loadCatalogue, LANGUAGES, type Language } from '../../../src/i18n';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [inner, text] of flatten(value, path)) flat.set(inner, text);
  }
  return flat;
}

/** Argument names a message uses, and the plural branches it offers for each plural argument. */
function shapeOf(elements: MessageFormatElement[], args = new Set<string>(), plurals: string[][] = []) {
  for (const element of elements) {
    if ('value' in element && element.type !== TYPE.literal && typeof element.value === 'string') args.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      if (element.type === TYPE.plural) plurals.push(Object.keys(element.options));
      for (const option of Object.values(element.options)) shapeOf(option.value, args, plurals);
    }
    if (element.type === TYPE.tag) shapeOf(element.children, args, plurals);
  }
  return { args, plurals };
}

const englishMessages = flatten(english as unknown as Tree);

describe('the catalogues', () => {
  it('English has messages, each valid ICU', () => {
    expect(englishMessages.size).toBeGreaterThan(20);
    for (const [key, message] of englishMessages) expect(() => parse(message), key).not.toThrow();
  });

  for (const { code } of LANGUAGES.filter((language) => language.code !== 'en')) {
    describe(code, () => {
      it('has every key English has and no other', async () => {
        const messages = flatten((await loadCatalogue(code as Language)) as Tree);
        const missing = [...englishMessages.keys()].filter((key) => !messages.has(key));
        const extra = [...messages.keys()].filter((key) => !englishMessages.has(key));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      });

      it('uses the same placeholders and every plural form the language has', async () => {
        const messages = flatten((await loadCatalogue(code as Language)) as Tree);
        const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
        const problems: string[] = [];
        for (const [key, text] of messages) {
          const source = englishMessages.get(key);
          if (source === undefined) continue;
          let shape;
          try {
            shape = shapeOf(parse(text));
          } catch (error) {
            problems.push(`${key}: not valid ICU (${(error as Error).message})`);
            continue;
          }
          const expected = [...shapeOf(parse(source)).args].sort();
          if ([...shape.args].sort().join() !== expected.join()) problems.push(`${key}: placeholders ${[...shape.args]} instead of ${expected}`);
          for (const branches of shape.plurals) {
            const lacking = categories.filter((category) => !branches.includes(category));
            if (lacking.length) problems.push(`${key}: no plural form for ${lacking.join(', ')}`);
          }
          if (text.trim() === '' && source.trim() !== '') problems.push(`${key}: empty`);
        }
        expect(problems).toEqual([]);
      });
    });
  }
});

describe('plural rules', () => {
  it('Russian and Polish pick one, few and many by the number', async () => {
    const { setLanguage, t } = await import('../../../src/i18n');
    await setLanguage('ru');
    expect([1, 3, 5, 21].map((count) => t('common.people', { count }))).toEqual(['1 человек', '3 человека', '5 человек', '21 человек']);
    await setLanguage('pl');
    expect([1, 3, 5, 22].map((count) => t('common.departments', { count }))).toEqual(['1 dział', '3 działy', '5 działów', '22 działy']);
    await setLanguage('en');
    expect(t('common.people', { count: 1 })).toBe('1 person');
  });
});

describe('plain messages', () => {
  // t() hands a message with no braces and no apostrophes back as it is, without ICU: that is only
  // right if ICU would have given back the same text, in every language.
  it('every message taken as plain formats to itself through ICU', async () => {
    const differ: string[] = [];
    let plain = 0;
    for (const { code } of LANGUAGES) {
      for (const [key, message] of flatten((await loadCatalogue(code as Language)) as Tree)) {
        if (!isPlainMessage(message)) continue;
        plain += 1;
        const formatted = new IntlMessageFormat(message, code, undefined, { ignoreTag: true }).format();
        if (formatted !== message) differ.push(`${code} ${key}`);
      }
    }
    expect(plain).toBeGreaterThan(1000);
    expect(differ).toEqual([]);
  });

  it('apostrophes and braces still go through ICU', async () => {
    expect(isPlainMessage("It's here")).toBe(false);
    expect(isPlainMessage('{count} people')).toBe(false);
    expect(isPlainMessage('Add a stakeholder')).toBe(true);
    const { i18n, t } = await import('../../../src/i18n');
    i18n.addResource('en', 'translation', 'test.quoted', "Type '{name}' here, it''s literal");
    expect(t('test.quoted' as never)).toBe("Type {name} here, it's literal");
  });
});
