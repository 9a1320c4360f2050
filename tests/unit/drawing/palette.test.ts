// The stance palette must survive a colour-blind viewer, a greyscale print and a washed-out
// projector. Colours are simulated for protanopia, deuteranopia and tritanopia (Machado, Oliveira
// and Fernandes 2009, full severity, applied in linear RGB), then compared by lightness (WCAG
// relative luminance) and by CIELAB distance.
import { describe, expect, it } from 'vitest';
import { STANCE_LOOK } from '../../../src/drawing/appearance';
import { STANCES } from '../../../src/domain/types';

type Rgb = [number, number, number];
type Matrix = [Rgb, Rgb, Rgb];

const VISION: Record<string, Matrix> = {
  'full colour vision': [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function linear(hex: string): Rgb {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return [channel(1), channel(3), channel(5)];
}

const clamp = (v: number) => Math.min(1, Math.max(0, v));
const simulate = (rgb: Rgb, m: Matrix): Rgb => m.map((row) => clamp(row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])) as Rgb;
const luminance = ([r, g, b]: Rgb) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
const contrast = (a: Rgb, b: Rgb) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

function lab(rgb: Rgb): Rgb {
  const [r, g, b] = rgb;
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = luminance(rgb);
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const deltaE = (a: Rgb, b: Rgb) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]));

const seen = (stance: keyof typeof STANCE_LOOK, vision: Matrix) => simulate(linear(STANCE_LOOK[stance].color), vision);

describe('the stance palette', () => {
  for (const [name, vision] of Object.entries(VISION)) {
    it(`keeps champion and blocker apart by lightness, not hue alone, with ${name}`, () => {
      const champion = seen('champion', vision);
      const blocker = seen('blocker', vision);
      // 2:1 is a step a room sees at once, also in greyscale (full colour vision's luminance).
      expect(contrast(champion, blocker)).toBeGreaterThanOrEqual(2);
      expect(deltaE(champion, blocker)).toBeGreaterThanOrEqual(40);
    });

    it(`keeps every two stances distinguishable with ${name}`, () => {
      for (const a of STANCES) {
        for (const b of STANCES) {
          if (a >= b) continue;
          // A CIELAB distance of 20 is a plain difference between two swatches side by side.
          expect(deltaE(seen(a, vision), seen(b, vision)), `${a} / ${b}`).toBeGreaterThanOrEqual(20);
        }
      }
    });
  }

  it('gives every stance its own icon, so colour is never the only carrier', () => {
    const icons = STANCES.map((s) => STANCE_LOOK[s].icon);
    expect(new Set(icons).size).toBe(STANCES.length);
  });

  it('draws each icon in an ink that reads on its colour (WCAG AA, 4.5:1)', () => {
    for (const s of STANCES) {
      expect(contrast(linear(STANCE_LOOK[s].color), linear(STANCE_LOOK[s].ink)), s).toBeGreaterThanOrEqual(4.5);
    }
  });
});
