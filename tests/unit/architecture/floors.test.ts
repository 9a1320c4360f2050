// The folders of src/ are floors: a file may import from its own folder and from the floors below
// it, never from above. That keeps the domain usable without a UI, the exporters usable without
// React, and every change of structure visible as a failing test. docs/architecture.md explains
// what lives on each floor.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Bottom to top. Folders on one line share a floor and may not import each other. */
const FLOORS: readonly (readonly string[])[] = [
  ['i18n'],
  ['domain'],
  ['drawing'],
  ['store'],
  ['persistence', 'layout'],
  ['io'],
  ['actions'],
  ['canvas'],
  ['panels'],
  ['app'],
];

/** Libraries a floor must not use, so it stays plain TypeScript (testable without a DOM, reusable by a worker). */
const FORBIDDEN_LIBRARIES: Record<string, RegExp> = {
  i18n: /^(react|react-dom|react-i18next|zustand|dexie|@xyflow\/.*|html-to-image)(\/.*)?$/,
  domain: /^(react|react-dom|zustand|dexie|@xyflow\/.*|html-to-image)(\/.*)?$/,
  drawing: /^(react|react-dom|zustand|dexie|@xyflow\/.*|html-to-image)(\/.*)?$/,
  io: /^(react|react-dom|zustand|@xyflow\/.*)(\/.*)?$/,
};

const SRC = resolve(__dirname, '../../../src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every module specifier a file names: static imports, re-exports, side-effect and dynamic imports. */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:^|[\s;])(?:import|export)\s[^'"]*?\sfrom\s*['"]([^'"]+)['"]|(?:^|[\s;(=])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[\s;])import\s*['"]([^'"]+)['"]/g;
  for (const match of source.matchAll(pattern)) found.push(match[1] ?? match[2] ?? match[3]);
  return found;
}

const floorOf = (folder: string) => FLOORS.findIndex((floor) => floor.includes(folder));

/** The top-level folder of src/ that a path is in ('' for files directly in src/, such as main.tsx). */
function folderOf(path: string): string {
  const parts = relative(SRC, path).split(/[\\/]/);
  // A one-part path without an extension is a folder imported through its index ('../i18n').
  return parts.length > 1 || !parts[0].includes('.') ? parts[0] : '';
}

interface Violation {
  file: string;
  imports: string;
  why: string;
}

/** What is wrong with one file's imports, if anything. */
export function violations(file: string, source: string): Violation[] {
  const from = folderOf(file);
  const found: Violation[] = [];
  for (const specifier of importsOf(source)) {
    const name = relative(SRC, file);
    if (specifier.startsWith('.')) {
      const to = folderOf(resolve(dirname(file), specifier));
      if (!from || to === from) continue;
      if (floorOf(to) === -1) found.push({ file: name, imports: specifier, why: `src/${to} is on no floor` });
      else if (floorOf(to) >= floorOf(from)) found.push({ file: name, imports: specifier, why: `${from} may not import from ${to}` });
    } else if (FORBIDDEN_LIBRARIES[from]?.test(specifier)) {
      found.push({ file: name, imports: specifier, why: `${from} must not use ${specifier}` });
    }
  }
  return found;
}

describe('the floors of src/', () => {
  it('every folder of src/ is on a floor', () => {
    const folders = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());
    expect(folders.filter((folder) => floorOf(folder) === -1)).toEqual([]);
  });

  it('every import goes to the same folder or a floor below, and the plain floors use no UI library', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(80);
    const found = files.flatMap((file) => violations(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  it('catches an import going up, in nested folders and in dynamic imports', () => {
    const inDomain = join(SRC, 'domain', 'nested', 'file.ts');
    expect(violations(inDomain, "import { useMapStore } from '../../store/map-store';")).toHaveLength(1);
    expect(violations(join(SRC, 'io', 'x.ts'), "const m = await import('../panels/Legend');")).toHaveLength(1);
    expect(violations(join(SRC, 'io', 'x.ts'), "import {\n  renderMapSvg,\n} from '../canvas/Canvas';")).toHaveLength(1);
    expect(violations(join(SRC, 'actions', 'x.ts'), "import type { MapNode } from '../canvas/project';")).toHaveLength(1);
    expect(violations(join(SRC, 'persistence', 'x.ts'), "import { tidyUp } from '../layout/org-layout';")).toHaveLength(1);
    expect(violations(join(SRC, 'panels', 'x.tsx'), "import { useMapStore } from '../store/map-store';")).toEqual([]);
  });

  it('catches a UI library in the plain floors', () => {
    expect(violations(join(SRC, 'domain', 'x.ts'), "import { create } from 'zustand';")).toHaveLength(1);
    expect(violations(join(SRC, 'io', 'x.ts'), "import { getBezierPath } from '@xyflow/react';")).toHaveLength(1);
    expect(violations(join(SRC, 'drawing', 'x.ts'), "import { memo } from 'react';")).toHaveLength(1);
    expect(violations(join(SRC, 'domain', 'x.ts'), "import { z } from 'zod';")).toEqual([]);
  });
});
