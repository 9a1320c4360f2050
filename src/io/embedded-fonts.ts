// The fonts an exported image carries inside itself, so it looks the same on any machine. Only the
// scripts the map's text uses are embedded (Latin always; Latin Extended, Greek, Cyrillic when
// needed), each as its own family so the renderer falls back glyph by glyph between them.
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latin600 from '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latinExt600 from '@fontsource/noto-sans/files/noto-sans-latin-ext-600-normal.woff2?url';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?url';
import greek400 from '@fontsource/noto-sans/files/noto-sans-greek-400-normal.woff2?url';
import greek600 from '@fontsource/noto-sans/files/noto-sans-greek-600-normal.woff2?url';
import greek700 from '@fontsource/noto-sans/files/noto-sans-greek-700-normal.woff2?url';
import cyrillic400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?url';
import cyrillic600 from '@fontsource/noto-sans/files/noto-sans-cyrillic-600-normal.woff2?url';
import cyrillic700 from '@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff2?url';

interface Script {
  family: string;
  /** Characters that need this script's font file; Latin is always embedded. */
  needed: RegExp | null;
  files: Record<400 | 600 | 700, string>;
}

const SCRIPTS: Script[] = [
  { family: 'PM Latin', needed: null, files: { 400: latin400, 600: latin600, 700: latin700 } },
  { family: 'PM Latin Ext', needed: /[\u0100-\u024f\u1e00-\u1eff]/, files: { 400: latinExt400, 600: latinExt600, 700: latinExt700 } },
  { family: 'PM Greek', needed: /[\u0370-\u03ff\u1f00-\u1fff]/, files: { 400: greek400, 600: greek600, 700: greek700 } },
  { family: 'PM Cyrillic', needed: /[\u0400-\u052f]/, files: { 400: cyrillic400, 600: cyrillic600, 700: cyrillic700 } },
];

const dataUrls = new Map<string, Promise<string>>();

function asDataUrl(url: string): Promise<string> {
  let pending = dataUrls.get(url);
  if (!pending) {
    pending = fetch(url)
      .then((response) => response.blob())
      .then(
        (blob) =>
          new Promise<string>((resolve, reject) => {
            const reader = new FileReader();
            reader.onload = () => resolve(reader.result as string);
            reader.onerror = () => reject(reader.error);
            reader.readAsDataURL(blob);
          }),
      );
    dataUrls.set(url, pending);
  }
  return pending;
}

/** `@font-face` rules, with the font files inlined, for the scripts that `text` uses. */
export async function fontFaceCss(text: string): Promise<string> {
  const rules: Promise<string>[] = [];
  for (const script of SCRIPTS) {
    if (script.needed && !script.needed.test(text)) continue;
    for (const weight of [400, 600, 700] as const) {
      rules.push(
        asDataUrl(script.files[weight]).then(
          (data) => `@font-face{font-family:'${script.family}';font-weight:${weight};font-style:normal;src:url(${data}) format('woff2');}`,
        ),
      );
    }
  }
  return (await Promise.all(rules)).join('');
}

/** The bold face's file of every script, as absolute addresses: what a worker drawing names loads (canvas/far-map.worker.ts). */
export function boldFontFiles(): { family: string; url: string }[] {
  return SCRIPTS.map((script) => ({ family: script.family, url: new URL(script.files[700], document.baseURI).href }));
}
