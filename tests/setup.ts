// Test environment for Vitest (jsdom): IndexedDB and the browser APIs React Flow needs.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';
import { setI18n } from 'react-i18next';
import { i18n } from '../src/i18n';

// Components translate through the same i18next instance as the app (English unless a test switches).
setI18n(i18n);

// findBy… and waitFor wait up to 5 s, not 1 s: on a busy two-core CI machine an IndexedDB round trip
// plus a render can take longer than a second, and a test that fails on load proves nothing.
configure({ asyncUtilTimeout: 5000 });

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;

class DOMMatrixReadOnlyStub {
  m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([1-9.])\)/)?.[1];
    this.m22 = scale !== undefined ? Number(scale) : 1;
  }
}
(globalThis as unknown as { DOMMatrixReadOnly: unknown }).DOMMatrixReadOnly ??= DOMMatrixReadOnlyStub;
