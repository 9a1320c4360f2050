// Text keys shared by header matching and record matching: case-, accent- and spacing-insensitive.

/** Lower case, accents removed (é → e, ü → u, ß → ss, ł → l, ά → α, й → и), runs of whitespace as one space. */
export function foldText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .replace(/[øØ]/g, 'o')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A header as words: camelCase split (ReportsToId → reports to id), "E-Mail" and "LinkedIn" kept as one
 * word, punctuation dropped, letters of any script kept. "Telefon (geschäftlich)" → "telefon geschaftlich",
 * "Funcție" → "functie", "Προϊστάμενος" → "προισταμενος".
 */
export function headerWords(header: string): string {
  return foldText(header.replace(/([a-z])([A-Z])/g, '$1 $2'))
    .replace(/\be[\s_.-]?mail/g, 'email')
    .replace(/\blinked[\s_.-]?in\b/g, 'linkedin')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A header without spaces, for exact matching: "First Name", "first_name", "FirstName" → "firstname". */
export function headerKey(header: string): string {
  return headerWords(header).replace(/ /g, '');
}
