// What goes into SVG, HTML and file names from user text.
import { describe, expect, it } from 'vitest';
import { escapeMarkup, xmlSafe } from '../../../src/io/markup-text';
import { exportFileName, mapFileName } from '../../../src/io/file-names';

describe('text in exports', () => {
  it('drops what XML cannot carry and escapes markup', () => {
    expect(xmlSafe('A\u0000n\u0007n\u001Ba\uFFFE\uFFFF')).toBe('Anna');
    expect(xmlSafe('tab\tand\nnew line')).toBe('tab\tand\nnew line');
    expect(xmlSafe('lone \uD800 half, emoji 😀 kept')).toBe('lone  half, emoji 😀 kept');
    expect(escapeMarkup('<b>"Rock" & \'roll\'</b>\u0000')).toBe('&lt;b&gt;&quot;Rock&quot; &amp; &#39;roll&#39;&lt;/b&gt;');
  });
});

describe('suggested file names', () => {
  it('an export keeps the name readable but never too long, never with characters a disk refuses', () => {
    expect(exportFileName({ name: 'Nordwind Logistics AG' }, 'png')).toBe('Nordwind Logistics AG.png');
    expect(exportFileName({ name: 'A/B: "C" <d>\u0000|e?' }, 'svg')).toBe('A B C d e.svg');
    const long = exportFileName({ name: 'Σ'.repeat(60_000) }, 'png');
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(104);
    expect(exportFileName({ name: '...' }, 'png')).toBe('account-map.png');
    expect(exportFileName({ name: 'CON' }, 'png')).toBe('CON map.png');
  });

  it('a map file name is capped the same way', () => {
    expect(new TextEncoder().encode(mapFileName({ name: 'x'.repeat(60_000) })).length).toBeLessThanOrEqual(100 + '.powermap.json'.length);
  });
});
