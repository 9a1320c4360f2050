// DESIGN.md: the domain is plain TypeScript. It must not import React, Zustand, Dexie or React Flow,
// so it can be tested without a DOM and reused by another front end or a sync engine.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const FORBIDDEN = /from ['"](react|react-dom|zustand|dexie|@xyflow\/[^'"]+|html-to-image)(\/[^'"]*)?['"]/;

it('src/domain imports no UI, store or storage library', () => {
  const folder = join(__dirname, '../../../src/domain');
  const offenders = readdirSync(folder)
    .filter((file) => file.endsWith('.ts'))
    .filter((file) => FORBIDDEN.test(readFileSync(join(folder, file), 'utf8')));
  expect(offenders).toEqual([]);
});

it('the check would catch a forbidden import', () => {
  expect(FORBIDDEN.test("import { create } from 'zustand';")).toBe(true);
  expect(FORBIDDEN.test("import { ReactFlow } from '@xyflow/react';")).toBe(true);
  expect(FORBIDDEN.test("import { z } from 'zod';")).toBe(false);
});
