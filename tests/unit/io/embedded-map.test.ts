// A picture exported from Powermap carries its map: the PNG in an iTXt chunk, the SVG in a
// <metadata> element. Opening the picture gives back the same map, through the map file's checks;
// a picture without a map, or with a damaged one, is refused with a sentence.
import { describe, expect, it } from 'vitest';
import { zlibSync } from 'fflate';
import {
  crc32,
  embedMapInPng,
  embedMapInSvg,
  mapTextFromPng,
  mapTextFromSvg,
  readMapFromPicture,
  type PictureSource,
} from '../../../src/io/embedded-map';
import { serializeMapFile } from '../../../src/io/map-file';
import { renderMapSvg } from '../../../src/io/map-svg';
import { createSampleAccountMap } from '../../../src/domain/sample';
import { updateStakeholder } from '../../../src/domain/commands';
import type { AccountMap } from '../../../src/domain/types';

const sample = createSampleAccountMap('2026-11-22T00:00:00.000Z');

/** A real 2x1 RGBA PNG, built by hand: signature, IHDR, IDAT, IEND. */
function tinyPng(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, 2);
  new DataView(ihdr.buffer).setUint32(4, 1);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const pixels = zlibSync(new Uint8Array([0, 255, 0, 0, 255, 0, 0, 255, 255]));
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', pixels), chunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}

const picture = (name: string, bytes: Uint8Array | string): PictureSource => {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return { name, size: data.length, arrayBuffer: () => Promise.resolve(data.slice().buffer) };
};

async function reopen(name: string, bytes: Uint8Array | string): Promise<AccountMap> {
  const result = await readMapFromPicture(picture(name, bytes));
  if (!result.ok) throw new Error(result.message);
  return result.map;
}

/** Every chunk of a PNG with a checksum that matches, in order. */
function chunkTypes(png: Uint8Array): string[] {
  const view = new DataView(png.buffer, png.byteOffset);
  const types: string[] = [];
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    expect(view.getUint32(at + 8 + length)).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    types.push(new TextDecoder().decode(png.subarray(at + 4, at + 8)));
    at += 12 + length;
  }
  return types;
}

describe('the map inside a PNG', () => {
  it('CRC-32 is the one PNG uses', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('round-trips: map → PNG bytes → the same map, the picture still a valid PNG', async () => {
    const png = embedMapInPng(tinyPng(), serializeMapFile(sample, null));
    expect(chunkTypes(png)).toEqual(['IHDR', 'IDAT', 'iTXt', 'IEND']);
    expect(await reopen('Nordwind Logistics AG.png', png)).toEqual(sample);
    // Compressed: the sample's map file is about 40 KB of JSON.
    expect(png.length).toBeLessThan(serializeMapFile(sample, null).length / 3);
  });

  it('keeps names in any script, and embedding twice leaves one map chunk', async () => {
    const renamed = updateStakeholder(sample, Object.keys(sample.stakeholders)[0], { name: 'Ζωή Παπαδοπούλου 🚀 <b>&' });
    const png = embedMapInPng(embedMapInPng(tinyPng(), serializeMapFile(sample, null)), serializeMapFile(renamed, null));
    expect(chunkTypes(png).filter((t) => t === 'iTXt')).toHaveLength(1);
    expect(await reopen('map.png', png)).toEqual(renamed);
  });

  it('a PNG without a map, and a damaged map chunk, are refused with a sentence', async () => {
    const plain = await readMapFromPicture(picture('holiday.png', tinyPng()));
    expect(plain).toMatchObject({ ok: false, message: expect.stringContaining('“holiday.png” is a picture without a Powermap map in it') });
    expect(mapTextFromPng(tinyPng())).toBeNull();

    const png = embedMapInPng(tinyPng(), serializeMapFile(sample, null));
    const iTXt = png.length - 12 - 20;
    png.fill(7, iTXt, iTXt + 10); // scribble over the compressed map
    const damaged = await readMapFromPicture(picture('damaged.png', png));
    expect(damaged.ok).toBe(false);
  });

  it('an embedded map that is not a map goes through the map file checks', async () => {
    const png = embedMapInPng(tinyPng(), '{"format":"something else"}');
    const result = await readMapFromPicture(picture('other.png', png));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('not a Powermap map file') });
  });
});

describe('the map inside an SVG', () => {
  const svg = renderMapSvg(sample, { include: null, background: 'white', fontCss: '', date: '22 November 2026' }).svg;

  it('round-trips through a <metadata> element, and the SVG stays well-formed', async () => {
    const withMap = embedMapInSvg(svg, serializeMapFile(sample, null));
    const document = new DOMParser().parseFromString(withMap, 'image/svg+xml');
    expect(document.querySelector('parsererror')).toBeNull();
    expect(document.querySelector('svg > metadata')?.getAttribute('data-type')).toBe('application/vnd.powermap+json');
    expect(await reopen('Nordwind.svg', withMap)).toEqual(sample);
  });

  it('carries characters XML cannot hold, and markup in names, exactly', async () => {
    const id = Object.keys(sample.stakeholders)[0];
    const hostile = updateStakeholder(sample, id, { name: 'A\u0000B\uFFFE</metadata><script>x</script>&amp;' });
    const withMap = embedMapInSvg(svg, serializeMapFile(hostile, null));
    expect(new DOMParser().parseFromString(withMap, 'image/svg+xml').querySelector('parsererror')).toBeNull();
    expect(mapTextFromSvg(withMap)).toContain('"A\\u0000B\\ufffe</metadata>');
    expect((await reopen('hostile.svg', withMap)).stakeholders[id].name).toBe(hostile.stakeholders[id].name);
  });

  it('an SVG without a map is refused with a sentence', async () => {
    const result = await readMapFromPicture(picture('logo.svg', svg));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('is a picture without a Powermap map in it') });
  });
});
