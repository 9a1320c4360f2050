// The languages Powermap speaks, each named in itself so that a user who cannot read the current
// language still finds their own in the picker.
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'ro', name: 'Română' },
  { code: 'el', name: 'Ελληνικά' },
  { code: 'ru', name: 'Русский' },
  { code: 'pl', name: 'Polski' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(code: unknown): code is Language {
  return LANGUAGES.some((language) => language.code === code);
}

/**
 * The first of the browser's preferred languages that Powermap speaks, matched on the primary
 * subtag ("ro-RO" → "ro", "el-GR" → "el"); English when none is.
 */
export function preferredLanguage(browserLanguages: readonly string[]): Language {
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}
