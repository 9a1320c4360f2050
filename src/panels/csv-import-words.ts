// Which message of the import dialog names each kind of file, separator and encoding guess: the
// sentences themselves are in the catalogue (importer.*), one whole sentence per language.
import type { CsvDelimiter, CsvDialect, DecodedCsv } from '../io/csv-import';

/** The `dialect` choice of importer.looksLike. */
export const DIALECT_WORD: Record<CsvDialect, string> = {
  'salesforce-export': 'salesforceExport',
  'salesforce-report': 'salesforceReport',
  hubspot: 'hubspot',
  dynamics: 'dynamics',
  linkedin: 'linkedin',
  google: 'google',
  generic: 'other',
};

/** The `delimiter` choice of importer.looksLike. */
export const DELIMITER_WORD: Record<CsvDelimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'bar' };

/** The importer.how.* message for how the encoding was found. */
export const HOW_FOUND: Record<DecodedCsv['how'], 'bom' | 'utf8' | 'guessed' | 'chosen'> = {
  'byte-order mark': 'bom',
  'valid UTF-8': 'utf8',
  guessed: 'guessed',
  chosen: 'chosen',
};
