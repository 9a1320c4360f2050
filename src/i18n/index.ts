// Translation for every floor: the domain's screen-reader sentences, the exporters' title lines
// and every component use `t` from here. i18next with its ICU plugin: each message is one ICU
// MessageFormat string, so a plural is one key whose forms follow the language's CLDR rules
// (Russian and Polish have one/few/many). English ships in the bundle; the other languages load
// on demand, one chunk each, before they are shown.
import i18next from 'i18next';
import ICU from 'i18next-icu';
import { english, type Catalogue } from './en';
import { DEFAULT_LANGUAGE, isLanguage, preferredLanguage, type Language } from './languages';

export { LANGUAGES, isLanguage, preferredLanguage, type Language } from './languages';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Catalogue };
    returnNull: false;
  }
}

/**
 * A message without braces or apostrophes is plain text in ICU MessageFormat: it formats to itself.
 * Such messages (about two thirds of every catalogue) skip ICU, which parses each message on first
 * use: on opening a map of 100 people that parsing took about 20 ms of the first render.
 */
export const isPlainMessage = (message: string): boolean => !/[{}']/.test(message);

type Parse = (message: unknown, ...rest: unknown[]) => unknown;
const icu = new ICU();
const parseWithIcu = (icu as unknown as { parse: Parse }).parse.bind(icu);
(icu as unknown as { parse: Parse }).parse = (message, ...rest) =>
  typeof message === 'string' && isPlainMessage(message) ? message : parseWithIcu(message, ...rest);

export const i18n = i18next.createInstance();
void i18n.use(icu).init({
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  resources: { en: { translation: english } },
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Translate a key in the current language: `t('insights.supporters', { count: 4 })`. */
export const t = i18n.t.bind(i18n) as typeof i18n.t;

// Every locale file except English's, loaded when its language is first chosen.
const otherCatalogues = import.meta.glob<{ default: Record<string, unknown> }>(['./locales/*/*.json', '!./locales/en/*.json']);

/** The whole catalogue of one language, its area files merged under their names. */
export async function loadCatalogue(language: Language): Promise<Record<string, unknown>> {
  if (language === 'en') return english;
  const catalogue: Record<string, unknown> = {};
  const prefix = `./locales/${language}/`;
  await Promise.all(
    Object.entries(otherCatalogues)
      .filter(([path]) => path.startsWith(prefix))
      .map(async ([path, load]) => {
        catalogue[path.slice(prefix.length, -'.json'.length)] = (await load()).default;
      }),
  );
  return catalogue;
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

const listeners = new Set<() => void>();

/** Called after every change of language (the live region, memoised sentences). */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Load a language if needed and switch to it; `<html lang>` follows. */
export async function setLanguage(language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation')) {
    i18n.addResourceBundle(language, 'translation', await loadCatalogue(language), true, true);
  }
  await i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  for (const listener of listeners) listener();
}

const STORAGE_KEY = 'powermap.language';

/** The language the user chose last time, else the browser's. */
export function startingLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be blocked (private mode, a sandboxed frame): the browser's language will do.
  }
  return preferredLanguage(typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]);
}

/** Switch language and remember the choice for the next start. */
export async function chooseLanguage(language: Language): Promise<void> {
  await setLanguage(language);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered when storage is blocked; the choice still holds for this visit.
  }
}

/**
 * The locale Intl formats in: the current language, with Powermap's English written the British
 * way ("22 November 2026", "Anna, Boris and Chen"), as its English messages are.
 */
function intlLocale(): string {
  const language = currentLanguage();
  return language === 'en' ? 'en-GB' : language;
}

/** Intl formatters are slow to make and cheap to use: one per locale and options (a list per card on a big map). */
const formatters = new Map<string, { format(value: never): string }>();
function formatter<F extends { format(value: never): string }>(kind: string, options: object | undefined, make: (locale: string) => F): F {
  const locale = intlLocale();
  const key = `${kind}|${locale}|${JSON.stringify(options ?? null)}`;
  let made = formatters.get(key) as F | undefined;
  if (!made) formatters.set(key, (made = make(locale)));
  return made;
}

/** Numbers and dates in the current language's conventions ("1 234" in Polish, "1.234" in Greek). */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return formatter('number', options, (locale) => new Intl.NumberFormat(locale, options)).format(value);
}

export function formatDate(value: Date | string | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  return new Intl.DateTimeFormat(intlLocale(), options).format(new Date(value));
}

/** A list in the language's own way: "Anna, Boris and Chen", "Anna, Boris și Chen". */
export function formatList(items: readonly string[], type: Intl.ListFormatType = 'conjunction'): string {
  return formatter('list', { type }, (locale) => new Intl.ListFormat(locale, { type })).format(items);
}

/**
 * A message's words in the current language, `fixed` values (a count for a plural, a kind for a
 * select) formatted once and kept: the message is formatted once per language, key and `fixed`,
 * with markers where the `words` go, and the words are then put in by plain string replacement.
 * For what is said thousands of times with different words (each card's accessible name on a
 * 20,000-person map): ICU formatting each one cost seconds. `words` must be values the message
 * inserts as they are, never a plural's or select's argument.
 */
export function tWords(key: string, words: Record<string, string> = {}, fixed?: Record<string, string | number>): string {
  const id = `${i18n.language}\u0000${key}\u0000${fixed ? JSON.stringify(fixed) : ''}`;
  let template = templates.get(id);
  if (!template) {
    const names = Object.keys(words);
    const marked = (t as (key: string, options: object) => string)(key, { ...fixed, ...Object.fromEntries(names.map((name, i) => [name, `\u0001${i}\u0001`])) });
    template = marked.split(/\u0001(\d+)\u0001/).map((part, i) => (i % 2 === 1 ? names[Number(part)] : part));
    templates.set(id, template);
  }
  let out = '';
  for (let i = 0; i < template.length; i++) out += i % 2 === 1 ? words[template[i]] : template[i];
  return out;
}
/** Formatted templates of tWords, as [text, word name, text, ...]; forgotten when a catalogue or the language changes. */
const templates = new Map<string, string[]>();
i18n.on('languageChanged', () => templates.clear());
i18n.store.on('added', () => templates.clear());
