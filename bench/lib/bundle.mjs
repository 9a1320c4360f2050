// Size of what the first screen needs: the entry script and stylesheets that index.html names,
// plus every module they import statically (import ... from / export ... from, not import()),
// and the CSS those import. Lazy chunks (the map view, the PNG export) are not counted.
// Fonts are listed apart: woff2 is already compressed and loads per unicode-range, on demand.
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';

/**
 * @param {string} distDir a production build (vite build output)
 * @returns {Promise<{ files: { file: string, bytes: number, gzip: number }[], bytes: number, gzip: number }>}
 */
export async function firstScreenBundle(distDir) {
  await init;
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const queue = [];
  for (const match of html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)) queue.push(match[1]);
  for (const match of html.matchAll(/<link\b[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*\bhref="([^"]+)"/g)) queue.push(match[1]);

  const seen = new Set();
  const files = [];
  while (queue.length) {
    const url = queue.shift();
    if (seen.has(url) || /^(https?:)?\/\//.test(url)) continue;
    seen.add(url);
    const body = await readFile(join(distDir, url.replace(/^\//, '')));
    files.push({ file: url, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length });
    if (url.endsWith('.js')) {
      const [imports] = parse(body.toString('utf8'));
      for (const entry of imports) {
        // d === -1: a static import or re-export; dynamic import() has d > -1, import.meta d === -2.
        if (entry.d !== -1 || !entry.n) continue;
        if (entry.n.startsWith('.') || entry.n.startsWith('/')) {
          queue.push(entry.n.startsWith('/') ? entry.n : posix.join(posix.dirname(url), entry.n));
        }
      }
    }
  }
  const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
  const gzip = files.reduce((sum, f) => sum + f.gzip, 0);
  return { files, bytes, gzip };
}
