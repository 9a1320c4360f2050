// The export picture is drawn from the domain: every name is there as text (never as markup),
// a selection draws only what was selected, and the result is well-formed SVG.
import { describe, expect, it } from 'vitest';
import { renderMapSvg, selectionWithContents } from '../../../src/io/map-svg';
import { createSampleAccountMap } from '../../../src/domain/sample';
import { updateStakeholder } from '../../../src/domain/commands';

const sample = createSampleAccountMap('2026-11-22T00:00:00.000Z');
const render = (map = sample, include: ReadonlySet<string> | null = null) =>
  renderMapSvg(map, { include, background: 'white', fontCss: '', date: '22 November 2026' });

function parse(svg: string): Document {
  const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(document.querySelector('parsererror')).toBeNull();
  return document;
}

describe('renderMapSvg', () => {
  it('draws every stakeholder, department and link of the map, with title and legend', () => {
    const document = parse(render().svg);
    const texts = [...document.querySelectorAll('text')].map((t) => t.textContent ?? '');
    expect(texts).toContain('Nordwind Logistics AG');
    for (const name of ['Henrik Larsen', 'Анна Кузнецова', 'Ștefan Țărănescu', 'Zofia Wróbel']) {
      expect(texts.some((t) => t.startsWith(name.slice(0, 10)))).toBe(true);
    }
    expect(texts).toContain('Department coverage'.toUpperCase());
    expect(texts).toContain('White space');
    // 29 links plus one successor arrow.
    expect(document.querySelectorAll('g > path[stroke]').length).toBeGreaterThanOrEqual(30);
  });

  it('writes names as text, never as markup', () => {
    const hostile = updateStakeholder(sample, 'stk_sample_henrik', { name: '<img src=x onerror=alert(1)>' });
    const { svg } = render(hostile);
    expect(svg).not.toContain('<img');
    const document = parse(svg);
    expect(document.querySelector('img')).toBeNull();
    expect([...document.querySelectorAll('text')].some((t) => t.textContent?.startsWith('<img'))).toBe(true);
  });

  it('draws only the selection and what is inside selected departments', () => {
    const include = selectionWithContents(sample, ['dep_sample_hubs']);
    expect(include.has('stk_sample_joost')).toBe(true);
    expect(include.has('stk_sample_henrik')).toBe(false);
    const part = render(sample, include);
    const whole = render();
    expect(part.width).toBeLessThan(whole.width);
    expect(part.svg).toContain('Joost Bakker');
    expect(part.svg).not.toContain('Henrik Larsen');
  });

  it('refuses an empty selection with a message', () => {
    expect(() => render(sample, new Set())).toThrow(/Select the stakeholders/);
  });
});
