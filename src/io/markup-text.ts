// User text going into SVG or HTML. Names and notes may hold anything a file or a paste brought
// (a NUL, a bell, an escape, U+FFFE): the map keeps them as they are, but XML 1.0 cannot carry
// them at all, and one such character makes a whole SVG invalid (the PNG and the brief's picture
// then fail to decode). So every export drops them, and escapes markup, on the way out.

/** Characters XML 1.0 does not allow, including lone halves of surrogate pairs. */
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text that XML (and so SVG) can carry: the characters it forbids dropped. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_IN_XML, '');
}

/** Text for an XML or HTML text node or attribute: forbidden characters dropped, markup escaped. */
export function escapeMarkup(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
