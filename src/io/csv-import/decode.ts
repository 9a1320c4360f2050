// Bytes to text for the CSV import. Excel on Windows still saves "CSV" in Windows-1252 and "Unicode text"
// in UTF-16; decoding either as UTF-8 turns every umlaut into �. Pure: no File or DOM access.

/** The file's text: UTF-16 by its byte-order mark, else UTF-8, else Windows-1252. The UTF-8 mark is dropped. */
export function decodeCsvBytes(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (view[0] === 0xff && view[1] === 0xfe) return new TextDecoder('utf-16le').decode(view);
  if (view[0] === 0xfe && view[1] === 0xff) return new TextDecoder('utf-16be').decode(view);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(view);
  } catch {
    return new TextDecoder('windows-1252').decode(view);
  }
}
