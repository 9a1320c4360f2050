// The handover brief: every section is there for the sample account, key people carry their owner,
// user text stays text in both formats, and the HTML page is self-contained with no scripts.
import { describe, expect, it } from 'vitest';
import { updateStakeholder } from '../../../src/domain/commands';
import { createSampleAccountMap } from '../../../src/domain/sample';
import { briefFileName, briefHtml, briefMarkdown, escapeMarkdown } from '../../../src/io/brief';
import { briefPictures, printLayout, PRINT_AREA, smallestTextPx } from '../../../src/io/brief-pictures';
import { renderMapSvg, selectionWithContents } from '../../../src/io/map-svg';
import type { AccountMap } from '../../../src/domain/types';

const now = new Date('2026-11-22T09:00:00.000Z');
const sample = createSampleAccountMap(now.toISOString());

const SECTIONS = [
  'Summary',
  'Decision-makers and economic buyers',
  'Champions',
  'Blockers',
  'Risks',
  'White space and competitors',
  'People who left',
  'Our team',
];

function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** The Markdown between "## heading" (or "## heading: ...") and the next "## ". */
function markdownSection(markdown: string, heading: string): string {
  const start = [`\n## ${heading}\n`, `\n## ${heading}: `].map((h) => markdown.indexOf(h)).find((i) => i >= 0) ?? -1;
  expect(start).toBeGreaterThanOrEqual(0);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end === -1 ? undefined : end);
}

/** Markdown's backslash escapes undone, as a renderer would show the text. */
const unescapeMarkdown = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, '$1');

describe('briefMarkdown', () => {
  const markdown = briefMarkdown(sample, { now, teamName: 'Acme Freight Software' });

  it('has a title with the map name and the date, and every section in order', () => {
    expect(markdown.startsWith('# Nordwind Logistics AG: handover brief, 22 November 2026\n')).toBe(true);
    const headings = [...markdown.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual([...SECTIONS.slice(0, -1), 'Our team: Acme Freight Software']);
    expect(markdown).toContain('21 people on the map: 2 champions, 6 supporters, 6 neutral, 3 skeptics, 1 blocker and 3 unknown.');
    expect(markdown).toContain('3 of 6 decision-makers and economic buyers covered');
  });

  it('lists the decision-makers, champions and blockers with their owner and notes', () => {
    const deciders = markdownSection(markdown, 'Decision-makers and economic buyers');
    for (const name of ['Henrik Larsen', 'Claire Dubois', 'Pieter de Vries', 'Σταύρος Παπαδόπουλος', 'Elena García', 'Chief Digital Officer']) {
      expect(deciders).toContain(`### ${name}`);
    }
    expect(deciders).toMatch(/### Claire Dubois — CFO · Executive Board\n\n(- .*\n)*- \*\*Owner:\*\* Sam Carter \(Results driver\)/);
    expect(deciders).toContain('- **Notes:** Signs the budget. Needs payback under 18 months.');
    expect(deciders).toContain('- **What they care about:** Sails; runs the Copenhagen half marathon.');

    const champions = markdownSection(markdown, 'Champions');
    expect(champions).toMatch(/### Jonas Weber — Site Manager Hamburg · Hub Hamburg\n\n(- .*\n)*- \*\*Owner:\*\* Lea Fischer/);
    expect(champions).not.toContain('Marek Nowak');

    const blockers = markdownSection(markdown, 'Blockers');
    expect(blockers).toMatch(/### Zofia Wróbel — Head of Procurement · Procurement\n\n(- .*\n)*- \*\*Owner:\*\* Nobody on our team yet/);
  });

  it('lists risks, white space, competitors, people who left and our team', () => {
    expect(markdownSection(markdown, 'Risks')).toContain('- **High:** Zofia Wróbel (Head of Procurement) is a blocker with high influence.');
    const space = markdownSection(markdown, 'White space and competitors');
    expect(space).toContain('Potential value: €400k ARR.');
    expect(space).toContain('Held by Transvoy.');
    const left = markdownSection(markdown, 'People who left');
    expect(left).toContain('Marek Nowak');
    expect(left).toContain('Successor: Ștefan Țărănescu (Head of Infrastructure).');
    expect(markdownSection(markdown, 'Our team')).toContain('- **Sam Carter:** Results driver. Owns Claire Dubois, Henrik Larsen, Pieter de Vries and Σταύρος Παπαδόπουλος.');
  });

  it('keeps a hostile name literal: escaped, and the same text once the escapes are read', () => {
    const name = '*Bold* [x](javascript:alert(1))';
    const hostile = updateStakeholder(sample, 'stk_sample_zofia', { name, notes: '<script>alert(1)</script>\n# not a heading' });
    const blockers = markdownSection(briefMarkdown(hostile, { now }), 'Blockers');
    expect(blockers).toContain('### \\*Bold\\* \\[x\\](javascript:alert(1))');
    expect(blockers).not.toContain('[x]');
    expect(blockers).toContain('- **Notes:** \\<script\\>alert(1)\\</script\\> \\# not a heading');
    expect(blockers).not.toMatch(/^# not a heading/m);
    expect(unescapeMarkdown(escapeMarkdown(name))).toBe(name);
  });

  it('says so plainly when a section is empty', () => {
    const bare = { ...sample, stakeholders: {}, links: {}, departments: {}, team: {} };
    const text = briefMarkdown(bare, { now });
    expect(markdownSection(text, 'Champions')).toContain('No champion yet');
    expect(markdownSection(text, 'Risks')).toContain('No open risks found.');
  });
});

describe('briefHtml', () => {
  const html = briefHtml(sample, { now });
  const document = parseHtml(html);

  it('is one self-contained printable page: charset, title, A4 print rules, no scripts, nothing from outside', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(document.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(document.title).toBe('Nordwind Logistics AG: handover brief, 22 November 2026');
    const css = document.querySelector('style')?.textContent ?? '';
    expect(css).toContain('@page { size: A4; margin: 14mm; }');
    expect(css).toContain('@media print');
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(html).not.toMatch(/<script/i);
    expect(document.querySelectorAll('link, iframe, object, embed')).toHaveLength(0);
    expect(html).not.toMatch(/\b(src|href)="(?!data:)/);
    expect(html).not.toMatch(/url\(|@import|https?:/);
  });

  it('has the same sections as the Markdown', () => {
    expect([...document.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(SECTIONS);
  });

  it('shows each key person with their owner, in the right section', () => {
    const ownerIn = (sectionId: string, name: string) => {
      const card = [...document.querySelectorAll(`#${sectionId} article.person`)].find((a) => a.querySelector('h3')?.textContent?.startsWith(name));
      expect(card, `${name} in #${sectionId}`).toBeTruthy();
      const facts = [...card!.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);
      return Object.fromEntries(facts)['Owner'];
    };
    expect(ownerIn('decision-makers', 'Claire Dubois')).toBe('Sam Carter (Results driver)');
    expect(ownerIn('decision-makers', 'Henrik Larsen')).toBe('Sam Carter (Results driver)');
    expect(ownerIn('decision-makers', 'Elena García')).toBe('Nobody on our team yet');
    expect(ownerIn('champions', 'Σταύρος Παπαδόπουλος')).toBe('Sam Carter (Results driver)');
    expect(ownerIn('champions', 'Jonas Weber')).toBe('Lea Fischer (Project manager)');
    expect(ownerIn('blockers', 'Zofia Wróbel')).toBe('Nobody on our team yet');
    expect(document.querySelector('#left')?.textContent).toContain('Marek Nowak');
    expect(document.querySelector('#risks')?.textContent).toContain('Zofia Wróbel (Head of Procurement) is a blocker with high influence.');
  });

  it('escapes every piece of user text', () => {
    const name = '*Bold* [x](javascript:alert(1)) <script>alert("x")</script><img src=x onerror=alert(1)>';
    const hostile = updateStakeholder(
      { ...sample, name: 'Evil </title><script>alert(1)</script>' },
      'stk_sample_zofia',
      { name, title: '"><b>t</b>', personalContext: "it's <i>fine</i> & ok" },
    );
    const page = briefHtml(hostile, { now, teamName: '<b>team</b>' });
    const parsed = parseHtml(page);
    expect(page).not.toMatch(/<script|<img|<i>|<b>/i);
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(parsed.querySelectorAll('script, img, b, i')).toHaveLength(0);
    expect(parsed.title).toBe('Evil </title><script>alert(1)</script>: handover brief, 22 November 2026');
    const heading = [...parsed.querySelectorAll('#blockers h3')].map((h) => h.textContent).join('');
    expect(heading).toContain(name);
    expect(parsed.querySelector('#blockers')?.textContent).toContain("it's <i>fine</i> & ok");
  });

  it('embeds the map pictures as data: images on landscape pages, only when given', () => {
    expect(document.querySelector('img')).toBeNull();
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="900" height="400"><text font-size="12">Nordwind – Ørsted 東京</text></svg>';
    const withMap = parseHtml(briefHtml(sample, { now, mapPictures: [{ title: 'Finance', svg, width: 900, height: 400 }] }));
    const img = withMap.querySelector('#map figure img');
    const src = img?.getAttribute('src') ?? '';
    expect(src.startsWith('data:image/svg+xml;base64,')).toBe(true);
    const bytes = Uint8Array.from(atob(src.slice(src.indexOf(',') + 1)), (c) => c.charCodeAt(0));
    expect(new TextDecoder().decode(bytes)).toBe(svg);
    expect(img?.getAttribute('alt')).toBe('Account map of Nordwind Logistics AG: Finance');
    expect(withMap.querySelector('#map figcaption')?.textContent).toBe('Finance');
    const style = withMap.querySelector('style')?.textContent ?? '';
    expect(style).toMatch(/@page map \{ size: A4 landscape;/);
    expect(style).toMatch(/\.map-pages \{ page: map; \}/);
    expect(withMap.querySelector('#map')?.className).toBe('map-pages');
  });
});

describe('the map in the brief prints legibly', () => {
  const fontCss = '';
  const date = '22 November 2026';
  /** Printed size in points of the smallest text of each figure, from the image's width in mm over the picture's pixels. */
  function printedSizes(map: AccountMap): { caption: string; pt: number; widthMm: number; heightMm: number }[] {
    const pictures = briefPictures(map, { fontCss, date });
    const page = parseHtml(briefHtml(map, { now, mapPictures: pictures }));
    return [...page.querySelectorAll('#map figure')].map((figure) => {
      const img = figure.querySelector('img')!;
      const svg = new TextDecoder().decode(Uint8Array.from(atob(img.getAttribute('src')!.split(',')[1]), (c) => c.charCodeAt(0)));
      const picture = pictures.find((p) => p.svg === svg)!;
      const mmPerPx = parseFloat(img.style.width) / picture.width;
      const crop = figure.querySelector<HTMLElement>('.map-crop')!;
      return {
        caption: figure.querySelector('figcaption')!.textContent!,
        pt: (smallestTextPx(svg) * mmPerPx * 72) / 25.4,
        widthMm: parseFloat(crop.style.width),
        heightMm: parseFloat(crop.style.height),
      };
    });
  }

  it('the sample: one picture per top-level department, no text under 7 pt, every part inside landscape A4', () => {
    const sizes = printedSizes(sample);
    const top = Object.values(sample.departments).filter((d) => !d.parentId).map((d) => d.name);
    for (const name of top) expect(sizes.some((s) => s.caption.startsWith(name)), name).toBe(true);
    expect(sizes[0].caption).toBe('Legend');
    for (const size of sizes) {
      expect(size.pt, size.caption).toBeGreaterThanOrEqual(7);
      expect(size.widthMm).toBeLessThanOrEqual(297 - 24);
      expect(size.heightMm).toBeLessThanOrEqual(210 - 24 - 16);
    }
    // The whole map on one A4 page, as before, would print its smallest text at about 4 pt.
    const whole = renderMapSvg(sample, { include: null, background: 'white', fontCss, date, frame: 'map' });
    expect(printLayout(whole).parts.length).toBeGreaterThan(1);
  });

  it('a small map stays one picture; a department too large for a page is printed in labelled parts', () => {
    const small = selectionMap(sample, 'Legal & Compliance');
    const sizes = printedSizes(small);
    expect(sizes.map((s) => s.caption)).toEqual(['Legend', 'The whole map']);
    const tall = { width: 1400, height: 2600, svg: '<svg><text font-size="10.5">x</text></svg>' };
    const layout = printLayout(tall);
    expect(layout.parts.length).toBeGreaterThan(2);
    expect(layout.smallestTextPt).toBeGreaterThanOrEqual(7);
    expect(layout.parts.every((part) => part.width * layout.scale <= PRINT_AREA.width + 1e-9 && part.height * layout.scale <= PRINT_AREA.height + 1e-9)).toBe(true);
    expect(layout.parts.reduce((area, part) => area + part.width * part.height, 0)).toBeCloseTo(tall.width * tall.height, 3);
  });
});

/** The sample cut down to one top-level department and what is inside it. */
function selectionMap(map: AccountMap, departmentName: string): AccountMap {
  const department = Object.values(map.departments).find((d) => d.name.startsWith(departmentName))!;
  const keep = selectionWithContents(map, [department.id]);
  const pick = <T extends { id: string }>(records: Record<string, T>) => Object.fromEntries(Object.entries(records).filter(([id]) => keep.has(id)));
  const links = Object.fromEntries(Object.entries(map.links).filter(([, l]) => keep.has(l.sourceId) && keep.has(l.targetId)));
  return { ...map, departments: pick(map.departments), stakeholders: pick(map.stakeholders), links };
}

describe('briefFileName', () => {
  it('uses the map file slug, the extension, and the day when given', () => {
    expect(briefFileName(sample, 'md')).toBe('nordwind-logistics-ag-brief.md');
    expect(briefFileName({ name: 'Müller / Söhne: "A*"' }, '.html', new Date(2026, 0, 5))).toBe('muller-sohne-a-brief-2026-01-05.html');
  });
});
