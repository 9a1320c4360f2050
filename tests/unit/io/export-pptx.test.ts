// The PowerPoint export is an editable slide: every stakeholder's full name is there as text (never
// shortened), one shape per department, card and line plus title, subtitle and legend, and names
// get a size at which they wrap inside their cards.
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { pptxShapeCount, renderPptxBytes } from '../../../src/io/export-pptx';
import { createSampleAccountMap } from '../../../src/domain/sample';
import { updateStakeholder } from '../../../src/domain/commands';
import { selectionWithContents } from '../../../src/io/map-svg';
import type { AccountMap } from '../../../src/domain/types';

const sample = createSampleAccountMap('2026-11-22T00:00:00.000Z');

async function slideXml(map: AccountMap, selection: readonly string[] | null = null): Promise<string> {
  const files = unzipSync(await renderPptxBytes(map, { selection, date: '22 November 2026' }));
  expect(Object.keys(files)).toContain('ppt/presentation.xml');
  return strFromU8(files['ppt/slides/slide1.xml']);
}

/** The text of each shape, runs joined, with XML entities decoded. */
function shapeTexts(xml: string): string[] {
  return [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map(([, body]) =>
    [...body.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
      .map(([, t]) => t)
      .join('')
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
  );
}

describe('renderPptx', () => {
  it('has every stakeholder full name as text and one shape per record and line', async () => {
    const xml = await slideXml(sample);
    const texts = shapeTexts(xml);
    for (const person of Object.values(sample.stakeholders)) {
      expect(texts.some((t) => t.startsWith(person.name)), person.name).toBe(true);
    }
    expect(texts[0]).toBe('Nordwind Logistics AG');
    const shapes = (xml.match(/<p:sp>/g) ?? []).length;
    expect(shapes).toBe(pptxShapeCount(sample, null));
    // Departments, cards, and 29 links plus a successor arrow, plus title, subtitle and legend.
    const { departments, stakeholders, links } = { departments: Object.keys(sample.departments).length, stakeholders: Object.keys(sample.stakeholders).length, links: Object.keys(sample.links).length };
    expect(shapes).toBeGreaterThanOrEqual(3 + departments + stakeholders + links);
    expect((xml.match(/prst="line"/g) ?? []).length).toBeGreaterThanOrEqual(links);
    expect(xml).toMatch(/<a:tailEnd type="triangle"/);
  });

  it('keeps a very long name whole, in any script and with markup characters', async () => {
    const id = Object.keys(sample.stakeholders)[0];
    const name = 'Dr. Maximiliane Alexandra von Hohenzollern-Sigmaringen <CFO> & Ζωή Παπαδοπούλου';
    const xml = await slideXml(updateStakeholder(sample, id, { name }));
    expect(shapeTexts(xml).some((t) => t.startsWith(name))).toBe(true);
    expect(xml).not.toContain('…');
  });

  it('exports only the selection', async () => {
    const department = Object.values(sample.departments).find((d) => d.name === 'IT')!;
    const xml = await slideXml(sample, [department.id]);
    const inside = selectionWithContents(sample, [department.id]);
    const people = Object.values(sample.stakeholders);
    const texts = shapeTexts(xml);
    for (const person of people) expect(texts.some((t) => t.startsWith(person.name)), person.name).toBe(inside.has(person.id));
    expect((xml.match(/<p:sp>/g) ?? []).length).toBe(pptxShapeCount(sample, [department.id]));
  });

  it('an empty map is refused with a sentence', async () => {
    await expect(renderPptxBytes({ ...sample, stakeholders: {}, departments: {}, links: {} }, { selection: null })).rejects.toThrow('The map is empty');
  });
});
