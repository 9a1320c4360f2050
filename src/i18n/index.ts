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

export const i18n = i18next.createInstance();
void i18n.use(ICU).init({
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

/** Numbers and dates in the current language's conventions ("1 234" in Polish, "1.234" in Greek). */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(currentLanguage(), options).format(value);
}

export function formatDate(value: Date | string | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  return new Intl.DateTimeFormat(currentLanguage(), options).format(new Date(value));
}

/** A list in the language's own way: "Anna, Boris and Chen", "Anna, Boris și Chen". */
export function formatList(items: readonly string[], type: Intl.ListFormatType = 'conjunction'): string {
  return new Intl.ListFormat(currentLanguage(), { type }).format(items);
}
